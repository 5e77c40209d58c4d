package org.onedoor.api.device;

/** Why a device has its status. */
public enum StatusDetail {
    /** Nothing to add. */
    NONE,
    /** The connection failed, broke or timed out. */
    COMMUNICATION_ERROR,
    /** The device answered that it cannot work (paper out, cover open, door jammed). */
    DEVICE_ERROR,
    /** A configuration value is wrong or missing. */
    CONFIGURATION_ERROR,
    /** The driver named in the configuration is not installed or not started. */
    DRIVER_MISSING
}
