package org.onedoor.api.device;

/** The state of a device as the node sees it. */
public enum DeviceStatus {
    /** Not yet reached since its configuration or driver arrived. */
    UNKNOWN,
    /** Reached; commands are delivered. */
    ONLINE,
    /** Not reachable or not working; commands wait in the outbox. */
    OFFLINE,
    /** Its configuration cannot be used; commands wait in the outbox. */
    CONFIGURATION_ERROR,
    /** No driver for its protocol is present; commands wait in the outbox. */
    DRIVER_MISSING
}
