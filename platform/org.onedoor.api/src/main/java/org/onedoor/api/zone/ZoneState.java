package org.onedoor.api.zone;

/** Whether a zone serves citizens on this node. */
public enum ZoneState {
    /** The zone's bundle is active: the zone is listed and serves. */
    OPEN,
    /** The zone is known (it was open before) but its bundle is not active on this node. */
    DISABLED
}
