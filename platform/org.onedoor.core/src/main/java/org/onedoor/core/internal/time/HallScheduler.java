package org.onedoor.core.internal.time;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's one scheduler for periodic work (sweeps, escalations): two daemon threads named
 * {@code onedoor-scheduler-N}. A task that throws is logged with its name and runs again at its
 * next time, instead of being dropped silently as a plain executor would.
 */
@Component(service = HallScheduler.class)
public final class HallScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(HallScheduler.class);

    private final ScheduledExecutorService executor;

    @Activate
    public HallScheduler() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "onedoor-scheduler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the task every period, the first time after one period.
     *
     * @param name what the task is, for the log
     * @return the handle to cancel it with (components cancel their tasks when they stop)
     */
    public ScheduledFuture<?> every(String name, Duration period, Runnable task) {
        long ms = period.toMillis();
        return executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Scheduled task '{}' failed: {}; it runs again in {} ms", name, e.getMessage(), ms, e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }
}
