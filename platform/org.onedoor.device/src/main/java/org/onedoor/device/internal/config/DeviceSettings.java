package org.onedoor.device.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One physical device: factory PID {@code org.onedoor.device}, files {@code etc/org.onedoor.device~<id>.cfg}.
 * The driver's own properties in the same file are described by the driver's settings type
 * (see {@link org.onedoor.api.device.DriverSettings}).
 */
@ObjectClassDefinition(name = "OneDoor device", description = "A printer, LED caller display or locker cabinet of the hall",
        factoryPid = DeviceConfigurations.PID)
public @interface DeviceSettings {

    @AttributeDefinition(description = "Device family: printer, led-display or locker")
    String kind();

    @AttributeDefinition(description = "Driver id of the protocol, e.g. escpos")
    String driver();

    @AttributeDefinition(description = "Host name or address of the device or its TCP serial bridge")
    String host();

    @AttributeDefinition(description = "TCP port (9100 for a raw ESC/POS printer)")
    String port();

    @AttributeDefinition(description = "Zone served, empty for the whole hall")
    String zone() default "";

    @AttributeDefinition(description = "The hall the device stands in (its zone and windows are that hall's), empty for the default hall")
    String hall() default "";

    @AttributeDefinition(description = "For a printer: the kiosk whose tickets it prints (the id in /ui/kiosk?kiosk=...), empty for its zone's tickets")
    String kiosk() default "";

    @AttributeDefinition(description = "Windows served: numbers and ranges, e.g. 101-108,112")
    String windows() default "";
}
