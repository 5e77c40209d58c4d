package org.onedoor.device.internal.config;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the device configurations in Config Admin: factory configurations of PID
 * {@code org.onedoor.device} (file {@code etc/org.onedoor.device-<id>.cfg}) and configurations
 * whose PID is {@code org.onedoor.device~<id>} (file {@code etc/org.onedoor.device~<id>.cfg},
 * which Karaf's file installer keeps as a plain configuration of that PID).
 */
public final class DeviceConfigurations {

    public static final String PID = "org.onedoor.device";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceConfigurations.class);

    private final ConfigurationAdmin configurations;

    public DeviceConfigurations(ConfigurationAdmin configurations) {
        this.configurations = configurations;
    }

    /** @return whether a configuration of this PID and factory PID (null for none) describes a device */
    public static boolean isDevice(String pid, String factoryPid) {
        return PID.equals(factoryPid) || pid.startsWith(PID + "~");
    }

    /**
     * @return the device id of a device configuration's PID: the name after the first {@code ~}.
     *         The file installer reads {@code org.onedoor.device~printer-ent.cfg} as the factory
     *         {@code org.onedoor.device~printer} with the name {@code ent} (PID
     *         {@code org.onedoor.device~printer~ent}): a later {@code ~} stands for the {@code -}.
     */
    public static String idOf(String pid) {
        return pid.substring(pid.indexOf('~') + 1).replace('~', '-');
    }

    /** @return every device configuration now present */
    public Map<String, ConfiguredDevice> all() {
        Map<String, ConfiguredDevice> out = new LinkedHashMap<>();
        for (Configuration c : list("(|(service.factoryPid=" + PID + ")(service.pid=" + PID + "~*))")) {
            ConfiguredDevice d = read(c);
            out.put(d.id(), d);
        }
        return out;
    }

    /** @return the device configuration of this PID, empty when it is gone */
    public Optional<ConfiguredDevice> one(String pid) {
        return list("(service.pid=" + pid.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)") + ")")
                .stream().findFirst().map(DeviceConfigurations::read);
    }

    private java.util.List<Configuration> list(String filter) {
        try {
            Configuration[] found = configurations.listConfigurations(filter);
            return found == null ? java.util.List.of() : java.util.List.of(found);
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Cannot list the device configurations ({})", filter, e);
            return java.util.List.of();
        }
    }

    private static ConfiguredDevice read(Configuration c) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (c.getProperties() != null) {
            for (String key : Collections.list(c.getProperties().keys())) {
                properties.put(key, c.getProperties().get(key));
            }
        }
        return new ConfiguredDevice(idOf(c.getPid()), properties);
    }
}
