package org.onedoor.core.internal.evaluation;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.core.internal.time.HallScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Every five minutes, opens the follow-ups of bad ratings stored without one ({@link HallRatingFollowUps#openMissed})
 * and escalates to the hall the follow-ups whose due day has passed ({@link HallRatingFollowUps#escalateLate}).
 */
@Component(immediate = true, service = {})
public final class FollowUpWatch {

    static final Duration PERIOD = Duration.ofMinutes(5);

    private final ScheduledFuture<?> task;

    @Activate
    public FollowUpWatch(@Reference HallRatingFollowUps followUps, @Reference HallScheduler scheduler) {
        this.task = scheduler.every("rating follow-up watch", PERIOD, () -> {
            followUps.openMissed();
            followUps.escalateLate();
        });
    }

    @Deactivate
    void stop() {
        task.cancel(false);
    }
}
