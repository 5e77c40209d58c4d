package org.onedoor.api.device;

import java.util.Map;
import java.util.Optional;

/**
 * A configured device as the node sees it.
 *
 * @param id      the device id
 * @param config  its configuration, or null when the configuration has an error (see {@code health})
 * @param health  its status with detail
 * @param pending  how many of its commands wait in the outbox
 * @param children for a controller that owns children (a locker board), each child's last known
 *                 state by child id (e.g. door {@code "3"} → {@code "open"}); empty otherwise
 */
public record DeviceView(String id, DeviceConfig config, DeviceHealth health, long pending, Map<String, String> children) {

    /** Copies the children, keeping their order. */
    public DeviceView {
        children = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(children));
    }

    /** @return the configuration, empty when it has an error */
    public Optional<DeviceConfig> configuration() {
        return Optional.ofNullable(config);
    }
}
