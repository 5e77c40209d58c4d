package org.onedoor.api.notify;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One configured message sender of this node (factory configuration {@code org.onedoor.notify.sender}).
 *
 * @param id         the sender id (the name after {@code ~} in {@code etc/org.onedoor.notify.sender~<id>.cfg})
 * @param driver     the driver id of its protocol, e.g. {@code smpp} or {@code http}
 * @param properties the driver-specific settings, read typed with {@link SenderContext#configAs}
 */
public record SenderConfig(String id, String driver, Map<String, String> properties) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Checks the values; a bad one throws {@link IllegalArgumentException} naming it. */
    public SenderConfig {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("sender id '" + id + "' must be 1-63 lower-case letters, digits or '-'");
        }
        if (driver == null || driver.isBlank()) {
            throw new IllegalArgumentException("sender " + id + ": driver is missing");
        }
        properties = Map.copyOf(properties);
    }
}
