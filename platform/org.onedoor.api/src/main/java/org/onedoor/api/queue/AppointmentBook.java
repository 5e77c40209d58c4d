package org.onedoor.api.queue;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's appointment book (rule R13): citizens book a time slot of a zone on a working day and
 * get a code; on that day the kiosk checks the code in, which issues an appointment ticket that is
 * served before the green channel and the others. Offered by the core; calls block on the database.
 * Refusals are {@link QueueException}s with stable codes.
 */
@ProviderType
public interface AppointmentBook {

    /**
     * Books a slot; stored before it returns. The same idempotency key returns the same appointment.
     *
     * @throws QueueException {@code unknown-zone}, {@code unknown-matter}, {@code invalid-day} (not a
     *                        working day in the booking window), {@code invalid-slot}, {@code slot-full}
     */
    Appointment book(AppointmentRequest request);

    /**
     * @param zoneId a zone
     * @param day    a day
     * @return the zone's slots that day with how many are booked, in time order
     * @throws QueueException {@code unknown-zone} or {@code invalid-day}
     */
    List<AppointmentSlot> slots(String zoneId, LocalDate day);

    /**
     * Checks an appointment in on its day and issues its appointment ticket. A retry after a
     * failure part-way issues no second ticket.
     *
     * @param code the appointment code
     * @return the appointment (checked in) and its ticket
     * @throws QueueException {@code unknown-appointment}, {@code appointment-used},
     *                        {@code appointment-not-today}, or the queue's refusals (e.g. {@code zone-closed})
     */
    CheckedIn checkIn(String code);

    /**
     * An appointment checked in and the ticket it got.
     *
     * @param appointment the appointment, now checked in
     * @param ticket      its ticket
     */
    record CheckedIn(Appointment appointment, IssuedTicket ticket) {
    }
}
