package org.onedoor.device.internal.locker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.api.locker.LockerEvent;

/**
 * Follows the door states the cabinets report and notices doors closed again and doors left open
 * longer than allowed; keeps each door's current state ({@code open}, {@code closed},
 * {@code left-open}, {@code unknown}).
 */
final class DoorWatch {

    private final Map<String, DoorSeen> doors = new ConcurrentHashMap<>();

    /** What is known about one door. */
    private record DoorSeen(String state, Instant openSince, boolean leftOpenReported) {
    }

    /**
     * @param cabinetId    the cabinet
     * @param reported     the cabinet's report: door number → {@code open}, {@code closed} or {@code unknown}
     * @param leftOpenAfter how long a door may stay open
     * @param now          the time of the report
     * @return the events the report brings
     */
    List<LockerEvent> observe(String cabinetId, Map<String, String> reported, Duration leftOpenAfter, Instant now) {
        List<LockerEvent> events = new ArrayList<>();
        reported.forEach((doorText, state) -> {
            int door;
            try {
                door = Integer.parseInt(doorText);
            } catch (NumberFormatException e) {
                return;
            }
            String key = cabinetId + "/" + door;
            DoorSeen was = doors.get(key);
            DoorSeen next;
            if ("open".equals(state)) {
                Instant since = was != null && was.openSince() != null ? was.openSince() : now;
                boolean late = !now.isBefore(since.plus(leftOpenAfter));
                boolean alreadyReported = was != null && was.leftOpenReported();
                if (late && !alreadyReported) {
                    events.add(new LockerEvent(LockerEvent.Type.DOOR_LEFT_OPEN, cabinetId, door, 0, now,
                            "柜门 " + door + " 未关闭已超过 " + leftOpenAfter.toSeconds() + " 秒 (door left open since " + since + ")"));
                }
                next = new DoorSeen(late ? "left-open" : "open", since, late);
            } else if ("closed".equals(state)) {
                if (was != null && was.openSince() != null) {
                    events.add(new LockerEvent(LockerEvent.Type.DOOR_CLOSED, cabinetId, door, 0, now, "柜门 " + door + " 已关闭 (door closed)"));
                }
                next = new DoorSeen("closed", null, false);
            } else {
                next = new DoorSeen("unknown", was == null ? null : was.openSince(), was != null && was.leftOpenReported());
            }
            doors.put(key, next);
        });
        return events;
    }

    /** @return the door's state as last seen */
    String state(String cabinetId, int door) {
        DoorSeen seen = doors.get(cabinetId + "/" + door);
        return seen == null ? "unknown" : seen.state();
    }
}
