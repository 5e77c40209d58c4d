package org.onedoor.api.device;

/** No device with the given id is configured on this node. */
public class UnknownDeviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String deviceId;

    /** @param deviceId the id that was asked for */
    public UnknownDeviceException(String deviceId) {
        super("no device '" + deviceId + "' is configured on this node");
        this.deviceId = deviceId;
    }

    /** @return the id that was asked for */
    public String deviceId() {
        return deviceId;
    }
}
