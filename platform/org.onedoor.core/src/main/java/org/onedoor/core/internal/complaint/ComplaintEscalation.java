package org.onedoor.core.internal.complaint;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.core.internal.time.HallScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Every five minutes, escalates to the hall the complaints whose due day has passed ({@link HallComplaints#escalateLate}). */
@Component(immediate = true, service = {})
public final class ComplaintEscalation {

    static final Duration PERIOD = Duration.ofMinutes(5);

    private final ScheduledFuture<?> task;

    @Activate
    public ComplaintEscalation(@Reference HallComplaints complaints, @Reference HallScheduler scheduler) {
        this.task = scheduler.every("complaint escalation", PERIOD, complaints::escalateLate);
    }

    @Deactivate
    void stop() {
        task.cancel(false);
    }
}
