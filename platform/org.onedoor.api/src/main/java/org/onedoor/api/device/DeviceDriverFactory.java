package org.onedoor.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A device protocol's driver, registered as a whiteboard service by its driver bundle; the
 * node pairs each configured device whose {@code driver} equals {@link #driverId()} with it.
 *
 * <p>While no factory for a device's driver is registered the device is
 * {@link DeviceStatus#DRIVER_MISSING} and its commands wait.
 */
@ConsumerType
public interface DeviceDriverFactory {

    /** @return the driver id used in device configurations, e.g. {@code escpos} */
    String driverId();

    /**
     * @param kind a device family
     * @return whether this driver can drive devices of that family
     */
    boolean supports(DeviceKind kind);

    /**
     * Creates the handler of one device; must not block or touch the device.
     *
     * @param context the device's configuration and connection
     * @return the handler
     * @throws IllegalArgumentException when the configuration cannot be used by this driver
     */
    DeviceHandler create(DeviceContext context);
}
