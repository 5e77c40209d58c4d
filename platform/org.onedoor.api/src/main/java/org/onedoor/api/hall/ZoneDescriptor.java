package org.onedoor.api.hall;

import java.util.List;

/**
 * What an acceptance area is: its id, names, floor, ticket letter, windows and the units placed in it.
 *
 * @param id        stable id, lower-case words joined by hyphens (e.g. {@code real-estate})
 * @param letter    the letter that starts the zone's ticket numbers (e.g. {@code A})
 * @param nameZh    Chinese name
 * @param nameEn    English name
 * @param floor     the floor of the hall the zone is on
 * @param universal true when the zone's windows accept any matter of the hall
 * @param windows   the zone's windows, in ascending hall-wide number
 * @param units     the units placed in the zone
 * @param hallId    the hall the zone is in ({@link Hall#DEFAULT_ID} when a descriptor names none);
 *                  zone ids and window numbers are unique within a hall (since 1.3)
 */
public record ZoneDescriptor(String id, String letter, String nameZh, String nameEn, int floor,
        boolean universal, List<HallWindow> windows, List<UnitRef> units, String hallId) {

    /** A zone of the default hall. */
    public ZoneDescriptor(String id, String letter, String nameZh, String nameEn, int floor,
            boolean universal, List<HallWindow> windows, List<UnitRef> units) {
        this(id, letter, nameZh, nameEn, floor, universal, windows, units, Hall.DEFAULT_ID);
    }

    public ZoneDescriptor {
        hallId = hallId == null || hallId.isEmpty() ? Hall.DEFAULT_ID : hallId;
        if (!Hall.validId(hallId)) {
            throw new IllegalArgumentException("hall id must be lower-case words joined by hyphens, was '" + hallId + "'");
        }
        HallWindow.requireText(id, "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("zone id must be lower-case words joined by hyphens, was '" + id + "'");
        }
        if (letter == null || !letter.matches("[A-Z]")) {
            throw new IllegalArgumentException("zone letter must be one upper-case letter, was '" + letter + "'");
        }
        HallWindow.requireText(nameZh, "nameZh");
        HallWindow.requireText(nameEn, "nameEn");
        windows = List.copyOf(windows);
        units = List.copyOf(units);
        for (HallWindow w : windows) {
            if (!w.zoneId().equals(id)) {
                throw new IllegalArgumentException("window " + w.number() + " belongs to zone " + w.zoneId() + ", not " + id);
            }
        }
    }

    /** @return this zone placed in another hall */
    public ZoneDescriptor inHall(String otherHallId) {
        return new ZoneDescriptor(id, letter, nameZh, nameEn, floor, universal, windows, units, otherHallId);
    }
}
