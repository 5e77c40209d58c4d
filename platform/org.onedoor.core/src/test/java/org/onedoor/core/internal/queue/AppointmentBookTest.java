package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.queue.Appointment;
import org.onedoor.api.queue.AppointmentBook.CheckedIn;
import org.onedoor.api.queue.AppointmentRequest;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;
import org.onedoor.store.testing.TestDatabases;

/** The appointment book on the real store: slots and their capacity, the booking window, check-in on the day. */
class AppointmentBookTest {

    /** A clock the test moves forward; starts Friday 2026-11-27, 10:00 in the hall. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return QueueFixture.HALL_ZONE; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** Weekdays work, weekends do not; 2027 and later are not loaded. */
    private static final WorkingDayCalendar WEEKDAYS = new WorkingDayCalendar() {
        @Override
        public boolean isWorkingDay(LocalDate date) {
            if (date.getYear() > 2026) {
                throw new CalendarYearMissingException(date.getYear());
            }
            return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public Deadline deadline(LocalDate from, int workingDays) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int workingDaysBetween(LocalDate from, LocalDate to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KnownYear> years() {
            return List.of();
        }

        @Override
        public Optional<KnownYear> year(int year) {
            return Optional.empty();
        }
    };

    private static AppointmentConfig config(String slots, int perSlot, int daysAhead) {
        return config(slots, perSlot, daysAhead, true);
    }

    private static AppointmentConfig config(String slots, int perSlot, int daysAhead, boolean workingDaysOnly) {
        return new AppointmentConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AppointmentConfig.class; }
            @Override public String slots() { return slots; }
            @Override public int perSlot() { return perSlot; }
            @Override public int daysAhead() { return daysAhead; }
            @Override public boolean workingDaysOnly() { return workingDaysOnly; }
        };
    }

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final LocalTime NINE = LocalTime.of(9, 0);

    private final StepClock clock = new StepClock();
    private HallQueueService queue;
    private JdbcAppointmentBook book;

    @BeforeEach
    void start() {
        DataSource ds = TestStore.migrated();
        QueueFixture hall = new QueueFixture(ds, 1, clock);
        queue = hall.queue;
        book = new JdbcAppointmentBook(new HallDatabase(ds), hall.zones.directory(), queue, WEEKDAYS, config("09:00, 09:30,14:00", 2, 14), clock);
    }

    private Appointment book(String zone, LocalDate day, LocalTime slot) {
        return book.book(new AppointmentRequest(zone, "", day, slot, ""));
    }

    private static String refusal(Runnable r) {
        return assertThrows(QueueException.class, r::run).code();
    }

    @Test
    void aSlotTakesItsCapacityAndNoMore() {
        Appointment a = book("police", MONDAY, NINE);
        assertTrue(a.code().matches("[1-9]\\d{7}"), a.code());
        assertEquals("police", a.zoneId());
        assertEquals(MONDAY, a.day());
        assertEquals(NINE, a.slot());
        assertTrue(!a.checkedIn() && a.ticketId().isEmpty());
        book("police", MONDAY, NINE);
        assertEquals("slot-full", refusal(() -> book("police", MONDAY, NINE)));
        book("police", MONDAY, LocalTime.of(9, 30));
        book("tax", MONDAY, NINE);

        List<AppointmentSlot> slots = book.slots("police", MONDAY);
        assertEquals(List.of(NINE, LocalTime.of(9, 30), LocalTime.of(14, 0)), slots.stream().map(AppointmentSlot::start).toList());
        assertEquals(List.of(2, 1, 0), slots.stream().map(AppointmentSlot::booked).toList());
        assertTrue(!slots.get(0).free() && slots.get(1).free());
        assertEquals(2, slots.get(2).capacity());
    }

    @Test
    void onlyKnownSlotsZonesAndWorkingDaysInTheWindow() {
        assertEquals("invalid-slot", refusal(() -> book("police", MONDAY, LocalTime.of(9, 15))));
        assertEquals("invalid-day", refusal(() -> book("police", LocalDate.of(2026, 11, 28), NINE)), "a Saturday");
        assertEquals("invalid-day", refusal(() -> book("police", FRIDAY.minusDays(1), NINE)), "yesterday");
        assertEquals("invalid-day", refusal(() -> book("police", FRIDAY.plusDays(15), NINE)), "beyond 14 days");
        assertEquals("unknown-zone", refusal(() -> book("nowhere", MONDAY, NINE)));
        assertEquals("unknown-zone", refusal(() -> book("universal", MONDAY, NINE)), "the universal windows take no appointments");
        book("police", FRIDAY, NINE); // today is bookable
        book("police", FRIDAY.plusDays(14), NINE); // a Friday, the last day of the window
    }

    @Test
    void aYearWithoutItsCalendarTakesNoAppointments() {
        clock.advance(Duration.ofDays(30)); // 2026-12-27: the window reaches into 2027
        assertEquals("invalid-day", refusal(() -> book("police", LocalDate.of(2027, 1, 4), NINE)));
    }

    @Test
    void aHallOpenEveryDayTakesWeekendsButKeepsItsWindow() {
        JdbcAppointmentBook everyDay = new JdbcAppointmentBook(TestStore.database(), zonesOf(), queue, WEEKDAYS,
                config("09:00", 2, 3, false), clock);
        everyDay.book(new AppointmentRequest("police", "", LocalDate.of(2026, 11, 28), NINE, ""));
        assertEquals("invalid-day", refusal(() -> everyDay.book(new AppointmentRequest("police", "", FRIDAY.plusDays(4), NINE, ""))));
    }

    private org.onedoor.api.zone.ZoneDirectory zonesOf() {
        return new QueueFixture(TestStore.migrated(), 1, clock).zones.directory();
    }

    @Test
    void theSameIdempotencyKeyBooksOnce() {
        Appointment first = book.book(new AppointmentRequest("police", "", MONDAY, NINE, "key-1"));
        Appointment again = book.book(new AppointmentRequest("police", "", MONDAY, NINE, "key-1"));
        assertEquals(first.code(), again.code());
        assertEquals(1, book.slots("police", MONDAY).get(0).booked());
    }

    @Test
    void checkInOnTheDayIssuesAnAppointmentTicketServedFirstAndOnlyOnce() {
        Appointment a = book("police", MONDAY, NINE);
        assertEquals("appointment-not-today", refusal(() -> book.checkIn(a.code())));
        assertEquals("unknown-appointment", refusal(() -> book.checkIn("12345678")));
        assertEquals("unknown-appointment", refusal(() -> book.checkIn("12ab")));

        clock.advance(Duration.ofDays(3)); // Monday
        Ticket normal = queue.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "")).ticket();
        CheckedIn in = book.checkIn(" " + a.code() + " ");
        Ticket t = in.ticket().ticket();
        assertEquals(TicketPriority.APPOINTMENT, t.priority());
        assertEquals(a.code(), t.appointmentId());
        assertEquals("police", t.zoneId());
        assertEquals(1, in.ticket().waiting().position(), "an appointment goes before the ticket issued earlier");
        assertEquals(2, queue.waiting(normal.id()).orElseThrow().position());
        assertTrue(in.appointment().checkedIn());
        assertEquals(t.id(), in.appointment().ticketId());

        assertEquals("appointment-used", refusal(() -> book.checkIn(a.code())));
    }

    @Test
    void aCheckInInterruptedAfterItsTicketGetsTheSameTicketWhenRetried() {
        Appointment a = book("tax", FRIDAY, LocalTime.of(14, 0));
        // the ticket was issued, then the node went down before the appointment was marked
        Ticket issued = queue.issue(new TicketRequest("tax", "", "", TicketPriority.APPOINTMENT, "", a.code(),
                "appointment-" + a.code())).ticket();
        CheckedIn in = book.checkIn(a.code());
        assertEquals(issued.id(), in.ticket().ticket().id());
        assertTrue(in.ticket().replayed());
        assertEquals(1, queue.waitingTickets("tax").size());
    }

    @Test
    void onPostgresASlotTakesItsCapacityOnceAndACheckInMarksTheAppointment() throws Exception {
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_appointments")) {
            DataSource ds = pg.migrated();
            QueueFixture hall = new QueueFixture(ds, 1, clock);
            JdbcAppointmentBook onPg = new JdbcAppointmentBook(new HallDatabase(ds), hall.zones.directory(), hall.queue, WEEKDAYS,
                    config("09:00,09:30", 2, 14), clock);
            Appointment first = onPg.book(new AppointmentRequest("police", "", FRIDAY, NINE, "key-1"));
            assertEquals(first.code(), onPg.book(new AppointmentRequest("police", "", FRIDAY, NINE, "key-1")).code());
            onPg.book(new AppointmentRequest("police", "", FRIDAY, NINE, ""));
            assertEquals("slot-full", refusal(() -> onPg.book(new AppointmentRequest("police", "", FRIDAY, NINE, ""))));
            assertEquals(List.of(2, 0), onPg.slots("police", FRIDAY).stream().map(AppointmentSlot::booked).toList());

            CheckedIn in = onPg.checkIn(first.code());
            assertTrue(in.appointment().checkedIn());
            assertEquals(in.ticket().ticket().id(), in.appointment().ticketId());
            assertEquals(first.bookedAt(), in.appointment().bookedAt());
            assertEquals("appointment-used", refusal(() -> onPg.checkIn(first.code())));
        }
    }
}
