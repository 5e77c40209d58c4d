package org.onedoor.core.internal.notify;

import java.util.HashMap;
import java.util.Map;
import org.onedoor.api.notify.SenderConfig;

/**
 * One configured message sender, {@code etc/org.onedoor.notify.sender~<id>.cfg}: {@code driver}
 * plus the driver's own properties, as {@link SenderConfigurations} reads it from Config Admin;
 * {@link NotificationDispatch} pairs it with the driver's factory.
 */
public final class SenderSetting {

    static final String PID = "org.onedoor.notify.sender";

    private final SenderConfig config;

    public SenderSetting(Map<String, Object> properties) {
        this.config = read(properties);
    }

    SenderConfig config() {
        return config;
    }

    /** Reads a configuration's properties; framework properties are left out of the driver's. */
    public static SenderConfig read(Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", ""));
        Object named = properties.get("id");
        String id = named != null ? named.toString() : pid.contains("~") ? pid.substring(pid.indexOf('~') + 1) : pid;
        Object driver = properties.get("driver");
        Map<String, String> own = new HashMap<>();
        properties.forEach((k, v) -> {
            if (!k.equals("driver") && !k.equals("id") && !k.startsWith("service.") && !k.startsWith("component.")
                    && !k.startsWith("felix.") && !k.equals("osgi.ds.satisfying.condition.target")) {
                own.put(k, String.valueOf(v));
            }
        });
        return new SenderConfig(id, driver == null ? "" : driver.toString(), own);
    }
}
