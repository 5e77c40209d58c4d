package org.onedoor.api.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A booked appointment.
 *
 * @param code        what the citizen keys in at the kiosk: 8 digits
 * @param zoneId      the zone it is for
 * @param matterCode  the matter it is for, empty if none was named
 * @param day         the hall day
 * @param slot        the start of its time slot
 * @param bookedAt    when it was booked
 * @param checkedInAt when it was checked in, empty until then
 * @param ticketId    the ticket it got at check-in, empty until then
 */
public record Appointment(String code, String zoneId, String matterCode, LocalDate day, LocalTime slot, Instant bookedAt,
        Optional<Instant> checkedInAt, String ticketId) {

    /** @return true once the appointment was checked in */
    public boolean checkedIn() {
        return checkedInAt.isPresent();
    }
}
