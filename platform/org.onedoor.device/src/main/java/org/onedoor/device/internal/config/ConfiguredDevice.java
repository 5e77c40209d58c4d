package org.onedoor.device.internal.config;

import java.util.Map;
import java.util.Optional;
import org.onedoor.api.device.DeviceConfig;

/**
 * One device configuration read and checked (keys as in {@link DeviceSettings}); kept also when
 * it is wrong, so that the error is visible.
 */
public final class ConfiguredDevice {

    private final String id;
    private final DeviceConfig config;
    private final String error;

    public ConfiguredDevice(String id, Map<String, ?> properties) {
        this.id = id;
        DeviceConfig parsed = null;
        String problem = "";
        try {
            parsed = DeviceSettingsReader.read(id, properties);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        this.config = parsed;
        this.error = problem;
    }

    /** @return the device id, from the configuration's name */
    public String id() {
        return id;
    }

    /** @return the checked configuration, empty when it has an error */
    public Optional<DeviceConfig> config() {
        return Optional.ofNullable(config);
    }

    /** @return what is wrong with the configuration, empty when nothing is */
    public String error() {
        return error;
    }
}
