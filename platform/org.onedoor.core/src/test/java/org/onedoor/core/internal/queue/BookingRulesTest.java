package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.queue.BookingState;
import org.onedoor.core.internal.queue.BookingRules.Arrival;

/** The booking rules at fixed instants: the check-in window, a booking's state, the no-show suspension. */
class BookingRulesTest {

    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final LocalTime NINE = LocalTime.of(9, 0);

    private static Instant at(LocalDate day, int h, int m) {
        return day.atTime(h, m).atZone(HALL).toInstant();
    }

    private final BookingRules rules = new BookingRules(HALL, BookingsFixture.bookingConfig(Map.of()));

    @Test
    void theWindowOpensThirtyMinutesBeforeAndClosesFifteenAfterByDefault() {
        assertEquals(Arrival.OTHER_DAY, rules.arrival(DAY, NINE, at(DAY.minusDays(1), 9, 0)));
        assertEquals(Arrival.EARLY, rules.arrival(DAY, NINE, at(DAY, 8, 29)));
        assertEquals(Arrival.ON_TIME, rules.arrival(DAY, NINE, at(DAY, 8, 30)));
        assertEquals(Arrival.ON_TIME, rules.arrival(DAY, NINE, at(DAY, 9, 15)));
        assertEquals(Arrival.LATE, rules.arrival(DAY, NINE, at(DAY, 9, 16)));
        assertEquals(Arrival.LATE, rules.arrival(DAY, NINE, at(DAY, 23, 59)));
        assertEquals(Arrival.OTHER_DAY, rules.arrival(DAY, NINE, at(DAY.plusDays(1), 0, 0)));
    }

    @Test
    void theWindowIsConfigurable() {
        BookingRules wide = new BookingRules(HALL, BookingsFixture.bookingConfig(Map.of("checkInBeforeMinutes", 60, "checkInAfterMinutes", 0)));
        assertEquals(Arrival.ON_TIME, wide.arrival(DAY, NINE, at(DAY, 8, 0)));
        assertEquals(Arrival.LATE, wide.arrival(DAY, NINE, at(DAY, 9, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new BookingRules(HALL, BookingsFixture.bookingConfig(Map.of("maxOpen", 0))));
    }

    @Test
    void aBookingIsOpenThenMissedThenANoShow() {
        assertEquals(BookingState.OPEN, rules.state(DAY, NINE, false, false, false, at(DAY, 9, 15)));
        assertEquals(BookingState.MISSED, rules.state(DAY, NINE, false, false, false, at(DAY, 9, 16)));
        assertEquals(BookingState.NO_SHOW, rules.state(DAY, NINE, false, false, false, at(DAY.plusDays(1), 0, 0)));
        assertEquals(BookingState.CANCELLED, rules.state(DAY, NINE, true, false, false, at(DAY.plusDays(1), 0, 0)));
        assertEquals(BookingState.CHECKED_IN_LATE, rules.state(DAY, NINE, false, true, true, at(DAY.plusDays(1), 0, 0)));
    }

    @Test
    void threeNoShowsWithinNinetyDaysSuspendForThirtyDaysAfterTheLast() {
        Instant a = at(DAY, 9, 0);
        Instant b = at(DAY.plusDays(10), 9, 0);
        Instant c = at(DAY.plusDays(20), 9, 0);
        Instant now = at(DAY.plusDays(21), 9, 0);
        assertEquals(Optional.empty(), rules.suspendedUntil(List.of(a, b), now), "two are not enough");
        assertEquals(Optional.of(c.plus(Duration.ofDays(30))), rules.suspendedUntil(List.of(c, a, b), now));
        assertEquals(Optional.empty(), rules.suspendedUntil(List.of(a, b, c), c.plus(Duration.ofDays(30))), "over when the period ends");
        Instant old = at(DAY.minusDays(100), 9, 0);
        assertEquals(Optional.empty(), rules.suspendedUntil(List.of(old, b, c), now), "a no-show older than 90 days does not count");
        BookingRules never = new BookingRules(HALL, BookingsFixture.bookingConfig(Map.of("noShowLimit", 0)));
        assertEquals(Optional.empty(), never.suspendedUntil(List.of(a, b, c), now));
    }
}
