package org.onedoor.api.device;

/**
 * Thrown by a handler when a command or probe did not succeed; the detail says whether the
 * node should retry the same command later ({@link StatusDetail#COMMUNICATION_ERROR},
 * {@link StatusDetail#DEVICE_ERROR}, {@link StatusDetail#CONFIGURATION_ERROR}) or give it up
 * because the device can never carry it out ({@link #rejected(String)}).
 */
public class DeviceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final StatusDetail detail;
    private final boolean rejected;

    /**
     * @param detail  what went wrong
     * @param message a human explanation
     * @param cause   the underlying failure, or null
     */
    public DeviceException(StatusDetail detail, String message, Throwable cause) {
        this(detail, message, cause, false);
    }

    private DeviceException(StatusDetail detail, String message, Throwable cause, boolean rejected) {
        super(message, cause);
        this.detail = detail;
        this.rejected = rejected;
    }

    /**
     * @param message why the device can never carry out the command
     * @return an exception that makes the node record the command as failed and go on
     */
    public static DeviceException rejected(String message) {
        return new DeviceException(StatusDetail.DEVICE_ERROR, message, null, true);
    }

    /** @return what went wrong */
    public StatusDetail detail() {
        return detail;
    }

    /** @return true when retrying the command cannot help */
    public boolean isRejected() {
        return rejected;
    }
}
