package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.queue.Booking;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.BookingRequest;
import org.onedoor.api.queue.BookingState;
import org.onedoor.api.queue.Bookings.CheckedIn;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.TicketPriority;

/** Bookings on the real H2 store with a clock the test moves: booked, reminded, checked in on time and late, cancelled. */
class HallBookingsTest {

    private static final String PHONE = "13812345678";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime HALF_NINE = LocalTime.of(9, 30);
    private static final LocalTime TWO = LocalTime.of(14, 0);

    private final BookingsFixture f = new BookingsFixture(Map.of());
    private final HallBookings bookings = f.bookings;

    private Booking book(LocalDate day, LocalTime slot) {
        return book(PHONE, day, slot);
    }

    private Booking book(String phone, LocalDate day, LocalTime slot) {
        return bookings.book(new BookingRequest("police", "", day, slot, phone, "", "", ""), "test");
    }

    /** Sets the clock to a time of the hall's day. */
    private void at(LocalDate day, int hour, int minute) {
        f.clock.set(day.atTime(hour, minute).atZone(f.clock.getZone()).toInstant());
    }

    private static BookingException refused(Runnable r) {
        return assertThrows(BookingException.class, r::run);
    }

    private static String code(Runnable r) {
        return assertThrows(QueueException.class, r::run).code();
    }

    private boolean outbox(String key) {
        return f.notifications.find(key).isPresent();
    }

    @Test
    void aBookingIsConfirmedRemindedTheDayAndTheHourBeforeAndChecksInOnTimeForAnAppointmentTicket() {
        Booking b = bookings.book(new BookingRequest("police", "", MONDAY, NINE, "138 1234 5678", "11010119900307123x", "", ""), "web 10.0.0.1");
        assertTrue(b.code().matches("[1-9][0-9]{7}"));
        assertEquals(BookingState.OPEN, b.state());
        assertEquals("138****5678", b.phoneMasked());
        assertEquals("110***********123X", b.idMasked());
        assertEquals(MONDAY.atTime(8, 30).atZone(f.clock.getZone()).toInstant(), b.checkInFrom());
        assertEquals(MONDAY.atTime(9, 15).atZone(f.clock.getZone()).toInstant(), b.checkInTo());
        assertTrue(outbox("booking:" + b.code() + ":confirmed"));
        assertEquals("booking.book", f.audit.get(0).action());
        assertEquals("138****5678", f.audit.get(0).actor(), "the audit line names the number masked");
        assertEquals(1, f.book.slots("police", MONDAY).get(0).booked(), "a booking takes a seat of the appointment slot");

        assertEquals(0, bookings.remind(), "Friday: nothing is due");
        at(MONDAY.minusDays(1), 8, 59);
        assertEquals(0, bookings.remind(), "more than a day before");
        at(MONDAY.minusDays(1), 9, 1);
        assertEquals(1, bookings.remind());
        assertEquals(1, bookings.remind(), "found again, written once");
        String dayBefore = "booking:" + b.code() + ":" + MONDAY + "T09:00:day-before";
        assertEquals("booking-reminder", f.notifications.find(dayBefore).orElseThrow().templateId());
        assertFalse(outbox("booking:" + b.code() + ":" + MONDAY + "T09:00:hour-before"));

        at(MONDAY, 8, 10);
        bookings.remind();
        assertTrue(outbox("booking:" + b.code() + ":" + MONDAY + "T09:00:hour-before"));
        assertEquals("too-early", code(() -> bookings.checkIn(b.code(), "kiosk")), "the window opens at 08:30");

        at(MONDAY, 9, 14);
        CheckedIn in = bookings.checkIn(b.code(), "kiosk");
        assertFalse(in.late());
        assertEquals(TicketPriority.APPOINTMENT, in.ticket().ticket().priority());
        assertEquals(b.code(), in.ticket().ticket().appointmentId());
        assertEquals(BookingState.CHECKED_IN, in.booking().state());
        assertEquals("appointment-used", code(() -> bookings.checkIn(b.code(), "kiosk")));
        assertEquals("unknown-appointment", code(() -> bookings.checkIn("12345678", "kiosk")));
        assertEquals("unknown-appointment", code(() -> bookings.checkIn("12ab", "kiosk")));
        assertEquals("booking-closed", code(() -> bookings.cancel(b.code(), PHONE, "web")), "a used booking is not cancelled");
        assertTrue(f.audit.stream().anyMatch(e -> e.action().equals("booking.check-in") && e.detail().contains("on time")));
    }

    @Test
    void aCheckInAfterTheWindowOnTheDayGetsANormalTicket() {
        Booking b = book(MONDAY, HALF_NINE);
        at(MONDAY, 9, 46);
        assertEquals(BookingState.MISSED, bookings.find(b.code(), PHONE).state());
        CheckedIn in = bookings.checkIn(b.code(), "kiosk");
        assertTrue(in.late());
        assertEquals(TicketPriority.NORMAL, in.ticket().ticket().priority());
        assertEquals(BookingState.CHECKED_IN_LATE, in.booking().state());
        at(MONDAY.plusDays(1), 9, 0);
        assertEquals(BookingState.CHECKED_IN_LATE, bookings.find(b.code(), PHONE).state(), "a late check-in is not a no-show");
    }

    @Test
    void aBookingIsNotCheckedInOnAnotherDay() {
        Booking b = book(MONDAY, NINE);
        at(MONDAY.minusDays(1), 9, 0);
        assertEquals("appointment-not-today", code(() -> bookings.checkIn(b.code(), "kiosk")));
        at(MONDAY.plusDays(1), 9, 0);
        assertEquals("appointment-not-today", code(() -> bookings.checkIn(b.code(), "kiosk")));
        assertEquals(BookingState.NO_SHOW, bookings.find(b.code(), PHONE).state());
    }

    @Test
    void cancelNeedsTheCodeAndThePhoneFreesTheSeatAndIsTold() {
        Booking b = book(MONDAY, NINE);
        BookingException wrong = refused(() -> bookings.cancel(b.code(), "13900000000", "web"));
        assertEquals("unknown-booking", wrong.code(), "another number is told the same as an unknown code");
        assertEquals("unknown-booking", refused(() -> bookings.find("99999999", PHONE)).code());
        Booking cancelled = bookings.cancel(b.code(), PHONE, "web");
        assertEquals(BookingState.CANCELLED, cancelled.state());
        assertEquals(0, f.book.slots("police", MONDAY).get(0).booked(), "the seat is free again");
        assertTrue(outbox("booking:" + b.code() + ":cancelled"));
        assertEquals("booking-closed", code(() -> bookings.cancel(b.code(), PHONE, "web")));
        at(MONDAY, 9, 0);
        assertEquals("booking-closed", code(() -> bookings.checkIn(b.code(), "kiosk")), "a cancelled booking does not check in");
        assertEquals(0, bookings.remind(), "a cancelled booking is not reminded");
    }

    @Test
    void rescheduleMovesTheSeatAndKeepsTheCode() {
        Booking b = book(MONDAY, NINE);
        Booking moved = bookings.reschedule(b.code(), PHONE, MONDAY.plusDays(1), TWO, "web");
        assertEquals(b.code(), moved.code());
        assertEquals(MONDAY.plusDays(1), moved.day());
        assertEquals(TWO, moved.slot());
        assertEquals(0, f.book.slots("police", MONDAY).get(0).booked());
        assertEquals(1, f.book.slots("police", MONDAY.plusDays(1)).get(2).booked());
        assertTrue(outbox("booking:" + b.code() + ":confirmed-" + MONDAY.plusDays(1) + "T14:00"));
        book("13900000001", MONDAY, HALF_NINE);
        book("13900000002", MONDAY, HALF_NINE);
        BookingException full = refused(() -> bookings.reschedule(b.code(), PHONE, MONDAY, HALF_NINE, "web"));
        assertEquals("slot-full", full.code());
        assertEquals("slot", full.field());
        assertEquals(TWO, bookings.find(b.code(), PHONE).slot(), "a refused move leaves the booking where it was");
    }

    @Test
    void aNumberHoldsAtMostMaxOpenBookings() {
        Booking first = book(MONDAY, NINE);
        book(MONDAY, HALF_NINE);
        book(MONDAY, TWO);
        BookingException e = refused(() -> book(MONDAY.plusDays(1), NINE));
        assertEquals("too-many-bookings", e.code());
        assertEquals("phone", e.field());
        bookings.cancel(first.code(), PHONE, "web");
        assertEquals(BookingState.OPEN, book(MONDAY.plusDays(1), NINE).state(), "a cancelled booking is not open");
        assertEquals(BookingState.OPEN, book("13900000009", MONDAY.plusDays(1), NINE).state(), "another number has its own limit");
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        assertEquals("phone", refused(() -> book("12345", MONDAY, NINE)).field());
        assertEquals("phone", refused(() -> book("23812345678", MONDAY, NINE)).field(), "11 digits starting 13-19");
        assertEquals("idNumber", refused(() -> bookings.book(new BookingRequest("police", "", MONDAY, NINE, PHONE, "1234", "", ""), "t")).field());
        assertEquals("language", refused(() -> bookings.book(new BookingRequest("police", "", MONDAY, NINE, PHONE, "", "fr", ""), "t")).field());
        assertEquals("zone", refused(() -> bookings.book(new BookingRequest("", "", MONDAY, NINE, PHONE, "", "", ""), "t")).field());
        assertEquals("zone", refused(() -> bookings.book(new BookingRequest("nowhere", "", MONDAY, NINE, PHONE, "", "", ""), "t")).field());
        BookingException slot = refused(() -> book(MONDAY, LocalTime.of(9, 15)));
        assertEquals("invalid-slot", slot.code());
        assertEquals("slot", slot.field());
        BookingException past = refused(() -> book(LocalDate.of(2026, 11, 27), NINE));
        assertEquals("slot", past.field(), "today 09:00 has passed at 10:00");
        assertEquals("day", refused(() -> book(MONDAY.plusDays(30), NINE)).field(), "beyond the booking window");
        assertEquals("day", refused(() -> book(MONDAY.minusDays(7), NINE)).field());
        book("13900000001", MONDAY, NINE);
        book("13900000002", MONDAY, NINE);
        BookingException full = refused(() -> book(MONDAY, NINE));
        assertEquals("slot-full", full.code());
        assertEquals("slot", full.field());
        assertTrue(full.getMessage().startsWith("slot: "), full.getMessage());
    }

    @Test
    void aSlotOutsideTheOfficeHoursIsRefused() {
        bookings.hours = new OfficeHours() {
            @Override
            public HoursStatus status(String hallId, String zoneId, Instant at) {
                boolean morning = at.atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour() < 12;
                return new HoursStatus(zoneId, true, morning, List.of(), Optional.<ZonedDateTime>empty(), Optional.<ZonedDateTime>empty());
            }

            @Override
            public HoursStatus now(String hallId, String zoneId) {
                return status(hallId, zoneId, Instant.now());
            }
        };
        assertEquals(BookingState.OPEN, book(MONDAY, NINE).state());
        BookingException e = refused(() -> book(MONDAY, TWO));
        assertEquals("invalid-slot", e.code());
        assertEquals("slot", e.field());
    }

    @Test
    void repeatedNoShowsSuspendBookingForAPeriod() {
        book(MONDAY, NINE);
        book(MONDAY.plusDays(1), NINE);
        Booking last = book(MONDAY.plusDays(2), NINE);
        at(MONDAY.plusDays(3), 8, 0);
        assertEquals(BookingState.NO_SHOW, bookings.find(last.code(), PHONE).state());
        BookingException e = refused(() -> book(MONDAY.plusDays(4), NINE));
        assertEquals("booking-suspended", e.code());
        assertEquals("phone", e.field());
        assertTrue(e.getMessage().contains("2027-01-01"), e.getMessage());
        f.clock.set(ZonedDateTime.of(MONDAY.plusDays(2).atTime(NINE), f.clock.getZone()).toInstant().plus(Duration.ofDays(30)).plusSeconds(60));
        LocalDate later = MONDAY.plusDays(33);
        assertEquals(BookingState.OPEN, book(later, NINE).state(), "30 days after the last no-show it may book again");
    }

    @Test
    void theSameIdempotencyKeyBooksOnce() {
        BookingRequest r = new BookingRequest("police", "", MONDAY, NINE, PHONE, "", "en", "k-1");
        Booking a = bookings.book(r, "web");
        Booking b = bookings.book(r, "web");
        assertEquals(a.code(), b.code());
        assertEquals(1, f.book.slots("police", MONDAY).get(0).booked());
        assertEquals(1, bookings.day(MONDAY).size());
        assertEquals("138****5678", bookings.day(MONDAY).get(0).phoneMasked(), "the staff's day list is masked");
    }
}
