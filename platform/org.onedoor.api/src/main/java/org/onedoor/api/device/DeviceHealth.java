package org.onedoor.api.device;

import java.time.Instant;

/**
 * A device's status with its detail.
 *
 * @param status  the status
 * @param detail  why
 * @param message a human explanation, empty when there is nothing to say
 * @param since   when the device entered this status
 */
public record DeviceHealth(DeviceStatus status, StatusDetail detail, String message, Instant since) {

    /** Normalises a null message to empty. */
    public DeviceHealth {
        message = message == null ? "" : message;
    }
}
