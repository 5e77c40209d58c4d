package org.onedoor.api.device;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A handler for a controller that owns children (a locker board and its doors); implemented
 * by driver bundles. The children are addressed through the controller's commands
 * (e.g. {@link OpenDoor}); this view reports their state.
 */
@ConsumerType
public interface DeviceBridgeHandler extends DeviceHandler {

    /**
     * @return each child's last known state by child id (e.g. door {@code "3"} → {@code "closed"}),
     *         from memory without blocking
     */
    Map<String, String> children();
}
