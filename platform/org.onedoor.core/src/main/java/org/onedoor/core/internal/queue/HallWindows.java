package org.onedoor.core.internal.queue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallWindow;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneState;
import org.onedoor.api.zone.ZoneStatus;

/** Finds the zone of a window and whether zones are open in one hall, from the zone directory. */
final class HallWindows {

    private final ZoneDirectory zones;
    private final String hallId;

    HallWindows(ZoneDirectory zones) {
        this(zones, Hall.DEFAULT_ID);
    }

    HallWindows(ZoneDirectory zones, String hallId) {
        this.zones = zones;
        this.hallId = hallId;
    }

    /** @return the hall whose windows these are */
    String hallId() {
        return hallId;
    }

    /** @return the zone the window stands in, among the zones the node knows */
    Optional<ZoneDescriptor> zoneOf(int window) {
        Map<Integer, ZoneDescriptor> byWindow = new HashMap<>();
        for (ZoneStatus s : zones.knownZones(hallId)) {
            for (HallWindow w : s.descriptor().windows()) {
                byWindow.put(w.number(), s.descriptor());
            }
        }
        return Optional.ofNullable(byWindow.get(window));
    }

    /** @return the open zone of that id; a QueueException for an unknown or closed zone */
    ZoneDescriptor openZone(String zoneId) {
        ZoneStatus status = zones.zone(hallId, zoneId)
                .orElseThrow(() -> QueueStore.notFound("unknown-zone", "no zone '" + zoneId + "' in the hall"
                        + (Hall.DEFAULT_ID.equals(hallId) ? "" : " " + hallId)));
        if (status.state() != ZoneState.OPEN) {
            throw QueueStore.conflict("zone-closed", "zone '" + zoneId + "' (" + status.descriptor().nameZh()
                    + ") is closed now; choose another zone or ask at the information desk");
        }
        return status.descriptor();
    }

    /** @return the window's zone, which must be open */
    ZoneDescriptor openZoneOfWindow(int window) {
        ZoneDescriptor zone = zoneOf(window)
                .orElseThrow(() -> QueueStore.notFound("unknown-window", "no window " + window + " in the hall"));
        return openZone(zone.id());
    }
}
