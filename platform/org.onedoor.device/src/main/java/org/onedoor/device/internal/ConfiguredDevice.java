package org.onedoor.device.internal;

import java.util.Map;
import java.util.Optional;
import org.onedoor.api.device.DeviceConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One device configuration ({@code etc/org.onedoor.device~<id>.cfg}) read and checked; offered to
 * the device manager as a service, also when it is wrong, so that the error is visible.
 */
@Component(service = ConfiguredDevice.class, configurationPid = "org.onedoor.device",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DeviceSettings.class, factory = true)
public final class ConfiguredDevice {

    private final String id;
    private final DeviceConfig config;
    private final String error;

    @Activate
    public ConfiguredDevice(Map<String, Object> properties) {
        this(DeviceSettingsReader.idOf(properties), properties);
    }

    ConfiguredDevice(String id, Map<String, ?> properties) {
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
    String id() {
        return id;
    }

    /** @return the checked configuration, empty when it has an error */
    Optional<DeviceConfig> config() {
        return Optional.ofNullable(config);
    }

    /** @return what is wrong with the configuration, empty when nothing is */
    String error() {
        return error;
    }
}
