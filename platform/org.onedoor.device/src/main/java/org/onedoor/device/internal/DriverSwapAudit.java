package org.onedoor.device.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in the audit trail (action {@code driver-swap}) when a configured device loses its
 * driver and when it gets one again, naming the driver's bundle and version; written in order,
 * off the framework's thread.
 */
public final class DriverSwapAudit {

    static final String ACTION = "driver-swap";

    private static final Logger LOG = LoggerFactory.getLogger(DriverSwapAudit.class);

    private final Supplier<AuditTrail> trail;
    private final SerialTasks tasks;
    private final Map<String, String> lost = new ConcurrentHashMap<>();

    DriverSwapAudit(Supplier<AuditTrail> trail, Executor executor) {
        this.trail = trail;
        this.tasks = new SerialTasks(executor);
    }

    /** The device's driver went away. */
    void gone(String deviceId, String driver, long pending) {
        lost.put(deviceId, driver);
        record(deviceId, "driver " + driver + " gone; " + pending + " command(s) wait in the outbox");
    }

    /** The device got a driver; recorded only when it had lost one before. */
    void attached(String deviceId, String driver) {
        String before = lost.remove(deviceId);
        if (before != null) {
            record(deviceId, "driver " + driver + " back" + (before.equals(driver) ? "" : " (was " + before + ")"));
        }
    }

    private void record(String deviceId, String detail) {
        AuditTrail t = trail.get();
        if (t == null) {
            LOG.info("Device {}: {} (no audit trail present)", deviceId, detail);
            return;
        }
        tasks.run(() -> {
            try {
                t.record(new AuditEvent(ACTION, "system", "node", deviceId, AuditEvent.SUCCESS, detail));
            } catch (RuntimeException e) {
                LOG.warn("Device {}: cannot record the driver swap ({}): {}", deviceId, detail, e.getMessage());
            }
        });
    }
}
