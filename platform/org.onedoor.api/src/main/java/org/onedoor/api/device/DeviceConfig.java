package org.onedoor.api.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One physical device as configured on this node (factory configuration {@code org.onedoor.device}).
 *
 * @param id         the device id (the name after {@code ~} in {@code etc/org.onedoor.device~<id>.cfg})
 * @param kind       the device family
 * @param driver     the driver id of the protocol that drives it (e.g. {@code escpos})
 * @param host       host name or address of the device or of its TCP serial bridge; empty for a
 *                   {@link DeviceKind#SCREEN} (a page that connects to the node)
 *                   ({@code serial:<path>?baud=…} for a serial port, see {@link SerialPortSettings})
 * @param port       TCP port, 1 to 65535; 0 for a {@link DeviceKind#SCREEN} and a serial port
 * @param zone       the zone it serves, empty when it serves the whole hall
 * @param windows    the windows it serves, ascending; empty when it serves no particular window
 * @param properties further driver-specific settings, e.g. a board address
 * @param hall       the hall the device stands in, whose zone and windows it serves (windows are numbered per
 *                   hall); the default hall ({@link org.onedoor.api.hall.Hall#DEFAULT_ID}) when none is named;
 *                   since 1.4
 * @param kiosk      for a printer: the kiosk whose tickets it prints (the kiosk page's {@code ?kiosk=} id), empty
 *                   when it prints for its zone; since 1.5
 */
public record DeviceConfig(String id, DeviceKind kind, String driver, String host, int port, String zone,
        List<Integer> windows, Map<String, String> properties, String hall, String kiosk) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Checks the values; a bad one throws {@link IllegalArgumentException} naming it. */
    public DeviceConfig {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("device id '" + id + "' must be 1-63 lower-case letters, digits or '-'");
        }
        if (kind == null) {
            throw new IllegalArgumentException("device " + id + ": kind is missing");
        }
        if (driver == null || driver.isBlank()) {
            throw new IllegalArgumentException("device " + id + ": driver is missing");
        }
        host = host == null ? "" : host.strip();
        if (SerialPortSettings.isSerial(host)) {
            try {
                SerialPortSettings.parse(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("device " + id + ": " + e.getMessage(), e);
            }
        }
        boolean pageWithoutAddress = (kind == DeviceKind.SCREEN && host.isEmpty() || SerialPortSettings.isSerial(host)) && port == 0;
        if (!pageWithoutAddress && host.isEmpty()) {
            throw new IllegalArgumentException("device " + id + ": host is missing");
        }
        if (!pageWithoutAddress && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("device " + id + ": port must be 1-65535, was " + port);
        }
        zone = zone == null ? "" : zone.strip();
        windows = List.copyOf(windows);
        properties = Map.copyOf(properties);
        hall = hall == null || hall.isBlank() ? org.onedoor.api.hall.Hall.DEFAULT_ID : hall.strip();
        if (!org.onedoor.api.hall.Hall.validId(hall)) {
            throw new IllegalArgumentException("device " + id + ": hall must be a hall id (lower-case words joined by hyphens), was '" + hall + "'");
        }
        kiosk = kiosk == null ? "" : kiosk.strip();
        if (!kiosk.isEmpty() && !ID.matcher(kiosk).matches()) {
            throw new IllegalArgumentException("device " + id + ": kiosk must be 1-63 lower-case letters, digits or '-', was '" + kiosk + "'");
        }
    }

    /** A device of the given hall that prints for no particular kiosk. */
    public DeviceConfig(String id, DeviceKind kind, String driver, String host, int port, String zone, List<Integer> windows,
            Map<String, String> properties, String hall) {
        this(id, kind, driver, host, port, zone, windows, properties, hall, "");
    }

    /** A device of the default hall. */
    public DeviceConfig(String id, DeviceKind kind, String driver, String host, int port, String zone, List<Integer> windows,
            Map<String, String> properties) {
        this(id, kind, driver, host, port, zone, windows, properties, "", "");
    }

    /** @return the serial port when the device is reached through one, else empty (TCP) */
    public Optional<SerialPortSettings> serialPort() {
        return SerialPortSettings.isSerial(host) ? Optional.of(SerialPortSettings.parse(host)) : Optional.empty();
    }
}
