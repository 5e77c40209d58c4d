package org.onedoor.core.internal.notify;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configured senders ({@code etc/org.onedoor.notify.sender~<id>.cfg}: PID
 * {@code org.onedoor.notify.sender~<id>} as Karaf's file installer keeps it, or a factory configuration
 * of {@code org.onedoor.notify.sender}) from Config Admin, as the device manager reads its devices, and
 * hands them to the {@link NotificationDispatch}: those present at start, then each change and removal.
 * A configuration that cannot be read is logged naming the sender and left out.
 */
@Component(service = ConfigurationListener.class, immediate = true)
public final class SenderConfigurations implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(SenderConfigurations.class);
    static final String FACTORY_PID = "org.onedoor.notify.sender";

    private final ConfigurationAdmin configurations;
    private final NotificationDispatch dispatch;
    /** sender id by configuration PID, so that a removal finds its sender */
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    @Activate
    public SenderConfigurations(@Reference ConfigurationAdmin configurations, @Reference NotificationDispatch dispatch) {
        this.configurations = configurations;
        this.dispatch = dispatch;
        try {
            // Karaf's file installer keeps etc/<pid>~<name>.cfg as the plain PID <pid>~<name>; Config Admin's own
            // factory configurations carry service.factoryPid
            Configuration[] found = configurations.listConfigurations("(|(service.factoryPid=" + FACTORY_PID + ")(service.pid="
                    + FACTORY_PID + "~*))");
            for (Configuration c : found == null ? new Configuration[0] : found) {
                apply(c);
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Cannot list the configured message senders", e);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!FACTORY_PID.equals(event.getFactoryPid()) && !event.getPid().startsWith(FACTORY_PID + "~")) {
            return;
        }
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            String id = ids.remove(event.getPid());
            if (id != null) {
                dispatch.removeSetting(id);
            }
            return;
        }
        try {
            Configuration c = configurations.getConfiguration(event.getPid(), "?");
            apply(c);
        } catch (IOException e) {
            LOG.error("Cannot read the message sender configuration {}", event.getPid(), e);
        }
    }

    private void apply(Configuration c) {
        if (c.getProperties() == null) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : Collections.list(c.getProperties().keys())) {
            properties.put(key, c.getProperties().get(key));
        }
        try {
            SenderSetting setting = new SenderSetting(properties);
            String before = ids.put(c.getPid(), setting.config().id());
            if (before != null && !before.equals(setting.config().id())) {
                dispatch.removeSetting(before);
            }
            dispatch.addSetting(setting);
            LOG.info("Message sender {} (driver {}) configured", setting.config().id(), setting.config().driver());
        } catch (IllegalArgumentException e) {
            LOG.warn("Message sender configuration {} cannot be used: {}", c.getPid(), e.getMessage());
        }
    }
}
