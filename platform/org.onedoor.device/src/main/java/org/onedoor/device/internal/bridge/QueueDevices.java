package org.onedoor.device.internal.bridge;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.DeviceView;

/** Chooses the devices of this node that show a queue event: the printer of a zone, the displays of a window. */
public final class QueueDevices {

    private QueueDevices() {
    }

    /**
     * @param devices the node's devices, ordered by id
     * @param zoneId  the ticket's zone
     * @return the first printer configured for the zone, else the first configured for the whole hall
     */
    static Optional<String> printerFor(List<DeviceView> devices, String zoneId) {
        Optional<String> ofZone = first(devices, DeviceKind.PRINTER, c -> c.zone().equals(zoneId));
        return ofZone.isPresent() ? ofZone : first(devices, DeviceKind.PRINTER, c -> c.zone().isEmpty());
    }

    /**
     * @param devices the node's devices
     * @param window  the calling window
     * @return every LED display whose configuration serves the window
     */
    static List<String> displaysFor(List<DeviceView> devices, int window) {
        return devices.stream().filter(d -> d.config() != null && d.config().kind() == DeviceKind.LED_DISPLAY
                && d.config().windows().contains(window)).map(DeviceView::id).toList();
    }

    private static Optional<String> first(List<DeviceView> devices, DeviceKind kind, Predicate<DeviceConfig> test) {
        return devices.stream().filter(d -> d.config() != null && d.config().kind() == kind && test.test(d.config()))
                .map(DeviceView::id).findFirst();
    }
}
