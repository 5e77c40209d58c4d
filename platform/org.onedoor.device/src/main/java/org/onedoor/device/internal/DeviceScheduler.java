package org.onedoor.device.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The shared, named scheduler of device work ({@code onedoor-devices-N} daemon threads),
 * offered as a {@link ScheduledExecutorService} with {@code onedoor.scheduler=devices};
 * every handler call runs on it.
 */
@Component(service = ScheduledExecutorService.class, property = "onedoor.scheduler=devices")
public final class DeviceScheduler extends ScheduledThreadPoolExecutor {

    public static final String TARGET = "(onedoor.scheduler=devices)";
    private static final int THREADS = 2;

    @Activate
    public DeviceScheduler() {
        super(THREADS, threads());
        setRemoveOnCancelPolicy(true);
    }

    private static java.util.concurrent.ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "onedoor-devices-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Deactivate
    public void stop() throws InterruptedException {
        shutdown();
        awaitTermination(5, TimeUnit.SECONDS);
    }
}
