package org.onedoor.api.staff;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who sits at a window on a hall day, as the hall assigned it.
 *
 * @param hallId     the hall
 * @param day        the hall day
 * @param window     the window number
 * @param zoneId     the window's zone
 * @param staffId    the staff member
 * @param plate      the member's name plate
 * @param assignedBy the hall's user who assigned it
 * @param assignedAt when
 */
public record RosterEntry(String hallId, LocalDate day, int window, String zoneId, long staffId, NamePlate plate, String assignedBy,
        Instant assignedAt) {
}
