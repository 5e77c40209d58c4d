package org.onedoor.api.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * An appointment of a person (a booking), as it may be shown: the phone number and the ID number
 * are masked.
 *
 * @param code        what the citizen keys in at the kiosk: 8 digits
 * @param zoneId      the zone it is for
 * @param matterCode  the matter it is for, empty if none was named
 * @param day         the hall day
 * @param slot        the start of its time slot
 * @param phoneMasked the phone number it was booked with, masked (e.g. {@code 138****5678})
 * @param idMasked    the ID number given, masked; empty when none was given
 * @param state       where it stands at the time it was read
 * @param bookedAt    when it was booked
 * @param checkedInAt when it was checked in, empty until then
 * @param ticketId    the ticket it got at check-in, empty until then
 * @param checkInFrom when its check-in window opens
 * @param checkInTo   when its check-in window closes (later the same day a check-in gets a normal ticket)
 */
public record Booking(String code, String zoneId, String matterCode, LocalDate day, LocalTime slot, String phoneMasked,
        String idMasked, BookingState state, Instant bookedAt, Optional<Instant> checkedInAt, String ticketId,
        Instant checkInFrom, Instant checkInTo) {
}
