package org.onedoor.api.queue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appointments of a person (issue 18): booked with a phone number for a zone or a matter and a
 * slot of a day; looked up, cancelled and rescheduled with the code and the same phone number;
 * checked in at the kiosk within a window around the slot (on time: an appointment ticket, served
 * first; later that day: a normal ticket). A phone number holds a limited number of open bookings,
 * and repeated no-shows suspend booking for a while (etc/org.onedoor.bookings.cfg). Offered by the
 * core; calls block on the database. Refusals are {@link QueueException}s, those about one request
 * field {@link BookingException}s naming it.
 */
@ProviderType
public interface Bookings {

    /**
     * Books a slot; stored (with its audit line) before it returns.
     *
     * @param origin where the request came from, for the audit trail
     * @throws BookingException {@code invalid-phone}, {@code invalid-id-number}, {@code unknown-zone},
     *                          {@code unknown-matter}, {@code invalid-day}, {@code invalid-slot}
     *                          (not a slot, past, or outside office hours), {@code slot-full},
     *                          {@code too-many-bookings}, {@code booking-suspended}
     */
    Booking book(BookingRequest request, String origin);

    /**
     * @return the booking of that code, when the phone number is the one it was booked with
     * @throws QueueException {@code unknown-booking} (also when the phone does not match, so a code cannot be probed)
     */
    Booking find(String code, String phone);

    /**
     * Cancels an open booking and frees its seat.
     *
     * @throws QueueException {@code unknown-booking}, {@code booking-closed} (checked in, cancelled or past)
     */
    Booking cancel(String code, String phone, String origin);

    /**
     * Moves an open booking to another slot (the same zone and matter), keeping its code.
     *
     * @throws BookingException as {@link #book} for the day and slot, and {@code unknown-booking}, {@code booking-closed}
     */
    Booking reschedule(String code, String phone, LocalDate day, LocalTime slot, String origin);

    /**
     * Checks a booking in on its day: within its window it gets an appointment ticket, after the
     * window the same day a normal ticket (office hours apply then). A retry issues no second ticket.
     *
     * @throws QueueException {@code unknown-booking}, {@code booking-closed}, {@code too-early},
     *                        {@code appointment-not-today}, or the queue's refusals
     */
    CheckedIn checkIn(String code, String origin);

    /** @return the bookings of a day, in slot order, phones masked (for the staff) */
    List<Booking> day(LocalDate day);

    /**
     * A booking checked in and the ticket it got.
     *
     * @param booking the booking, now checked in
     * @param ticket  its ticket
     * @param late    whether it came after its window: the ticket is a normal one, not an appointment ticket
     */
    record CheckedIn(Booking booking, IssuedTicket ticket, boolean late) {
    }
}
