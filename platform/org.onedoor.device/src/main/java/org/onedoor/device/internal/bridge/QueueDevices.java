package org.onedoor.device.internal.bridge;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.DeviceView;

/** Chooses the devices of this node that show a queue event: the printer of a hall's zone, the displays of a hall's window. */
public final class QueueDevices {

    private QueueDevices() {
    }

    /**
     * @param devices the node's devices, ordered by id
     * @param hallId  the ticket's hall: only that hall's printers print it
     * @param zoneId  the ticket's zone
     * @return the hall's first printer configured for the zone, else its first configured for the whole hall;
     *         a kiosk's own printer (configured with {@code kiosk}) is never one of them
     */
    static Optional<String> printerFor(List<DeviceView> devices, String hallId, String zoneId) {
        return printerFor(devices, hallId, zoneId, "");
    }

    /**
     * @param devices the node's devices, ordered by id
     * @param hallId  the ticket's hall: only that hall's printers print it
     * @param zoneId  the ticket's zone
     * @param kiosk   the kiosk that issued the ticket, empty if none
     * @return the hall's first printer configured for the kiosk; for a kiosk without one (or no kiosk) the zone's
     *         printer: its first printer of no kiosk configured for the zone, else its first of no kiosk for the whole hall
     */
    static Optional<String> printerFor(List<DeviceView> devices, String hallId, String zoneId, String kiosk) {
        if (!kiosk.isEmpty()) {
            Optional<String> own = first(devices, DeviceKind.PRINTER, c -> c.hall().equals(hallId) && c.kiosk().equals(kiosk));
            if (own.isPresent()) {
                return own;
            }
        }
        Optional<String> ofZone = first(devices, DeviceKind.PRINTER, c -> c.hall().equals(hallId) && c.kiosk().isEmpty()
                && c.zone().equals(zoneId));
        return ofZone.isPresent() ? ofZone : first(devices, DeviceKind.PRINTER, c -> c.hall().equals(hallId) && c.kiosk().isEmpty()
                && c.zone().isEmpty());
    }

    /**
     * @param devices the node's devices
     * @param hallId  the calling window's hall (windows are numbered per hall)
     * @param window  the calling window
     * @return every LED display of the hall whose configuration serves the window
     */
    static List<String> displaysFor(List<DeviceView> devices, String hallId, int window) {
        return devices.stream().filter(d -> d.config() != null && d.config().kind() == DeviceKind.LED_DISPLAY
                && d.config().hall().equals(hallId) && d.config().windows().contains(window)).map(DeviceView::id).toList();
    }

    private static Optional<String> first(List<DeviceView> devices, DeviceKind kind, Predicate<DeviceConfig> test) {
        return devices.stream().filter(d -> d.config() != null && d.config().kind() == kind && test.test(d.config()))
                .map(DeviceView::id).findFirst();
    }
}
