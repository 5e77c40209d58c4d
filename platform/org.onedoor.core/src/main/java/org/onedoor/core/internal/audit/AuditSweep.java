package org.onedoor.core.internal.audit;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.core.internal.time.HallScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Records, every 30 seconds, the audit events that their own change left pending ({@link AuditOutbox#sweep}). */
@Component(immediate = true, service = {})
public final class AuditSweep {

    static final Duration PERIOD = Duration.ofSeconds(30);

    private final ScheduledFuture<?> task;

    @Activate
    public AuditSweep(@Reference AuditOutbox outbox, @Reference HallScheduler scheduler) {
        this.task = scheduler.every("audit sweep", PERIOD, outbox::sweep);
    }

    @Deactivate
    void stop() {
        task.cancel(false);
    }
}
