package org.onedoor.api.device;

import java.util.Optional;

/**
 * A configured device as the node sees it.
 *
 * @param id      the device id
 * @param config  its configuration, or null when the configuration has an error (see {@code health})
 * @param health  its status with detail
 * @param pending how many of its commands wait in the outbox
 */
public record DeviceView(String id, DeviceConfig config, DeviceHealth health, long pending) {

    /** @return the configuration, empty when it has an error */
    public Optional<DeviceConfig> configuration() {
        return Optional.ofNullable(config);
    }
}
