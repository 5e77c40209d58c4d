package org.onedoor.core.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.queue.BookingState;

/**
 * The rules of bookings, without the store: the check-in window around a slot, where a booking
 * stands at an instant, and whether a phone number's no-shows suspend its booking.
 */
final class BookingRules {

    private final ZoneId zone;
    private final Duration before;
    private final Duration after;
    private final int maxOpen;
    private final int noShowLimit;
    private final Duration noShowSpan;
    private final Duration suspension;

    BookingRules(ZoneId zone, BookingConfig c) {
        if (c.maxOpen() < 1 || c.maxOpen() > 50 || c.checkInBeforeMinutes() < 0 || c.checkInBeforeMinutes() > 720
                || c.checkInAfterMinutes() < 0 || c.checkInAfterMinutes() > 720 || c.noShowLimit() < 0 || c.noShowLimit() > 100
                || c.noShowDays() < 1 || c.noShowDays() > 3650 || c.suspendDays() < 0 || c.suspendDays() > 3650) {
            throw new IllegalArgumentException("etc/org.onedoor.bookings.cfg: maxOpen 1..50, checkInBeforeMinutes and"
                    + " checkInAfterMinutes 0..720, noShowLimit 0..100, noShowDays 1..3650, suspendDays 0..3650");
        }
        this.zone = zone;
        this.before = Duration.ofMinutes(c.checkInBeforeMinutes());
        this.after = Duration.ofMinutes(c.checkInAfterMinutes());
        this.maxOpen = c.maxOpen();
        this.noShowLimit = c.noShowLimit();
        this.noShowSpan = Duration.ofDays(c.noShowDays());
        this.suspension = Duration.ofDays(c.suspendDays());
    }

    int maxOpen() {
        return maxOpen;
    }

    /** @return the slot's start as an instant of the hall's zone */
    Instant start(LocalDate day, LocalTime slot) {
        return day.atTime(slot).atZone(zone).toInstant();
    }

    /** @return when check-in opens */
    Instant from(LocalDate day, LocalTime slot) {
        return start(day, slot).minus(before);
    }

    /** @return when an on-time check-in closes */
    Instant to(LocalDate day, LocalTime slot) {
        return start(day, slot).plus(after);
    }

    /** How a check-in at an instant is taken. */
    enum Arrival {
        /** Before the window: refused. */
        EARLY,
        /** Within it: an appointment ticket. */
        ON_TIME,
        /** After it, on the slot's day: a normal ticket. */
        LATE,
        /** Not the slot's day: refused. */
        OTHER_DAY
    }

    Arrival arrival(LocalDate day, LocalTime slot, Instant at) {
        if (!at.atZone(zone).toLocalDate().equals(day)) {
            return Arrival.OTHER_DAY;
        }
        if (at.isBefore(from(day, slot))) {
            return Arrival.EARLY;
        }
        return at.isAfter(to(day, slot)) ? Arrival.LATE : Arrival.ON_TIME;
    }

    /** @return where a booking stands at an instant */
    BookingState state(LocalDate day, LocalTime slot, boolean cancelled, boolean checkedIn, boolean late, Instant at) {
        if (cancelled) {
            return BookingState.CANCELLED;
        }
        if (checkedIn) {
            return late ? BookingState.CHECKED_IN_LATE : BookingState.CHECKED_IN;
        }
        if (!at.isAfter(to(day, slot))) {
            return BookingState.OPEN;
        }
        return at.atZone(zone).toLocalDate().isAfter(day) ? BookingState.NO_SHOW : BookingState.MISSED;
    }

    /**
     * @param noShows the slot starts of a number's no-shows (any order)
     * @return until when the number may not book, if it is suspended at that instant: {@code suspendDays}
     *         after the no-show that reached {@code noShowLimit} within {@code noShowDays}
     */
    Optional<Instant> suspendedUntil(List<Instant> noShows, Instant at) {
        if (noShowLimit == 0) {
            return Optional.empty();
        }
        List<Instant> recent = noShows.stream().filter(t -> !t.isBefore(at.minus(noShowSpan)) && !t.isAfter(at))
                .sorted(Comparator.reverseOrder()).toList();
        if (recent.size() < noShowLimit) {
            return Optional.empty();
        }
        Instant until = recent.get(0).plus(suspension);
        return until.isAfter(at) ? Optional.of(until) : Optional.empty();
    }
}
