package org.onedoor.api.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A holiday's consecutive days off, as a notice states them ("2月15日至23日").
 *
 * @param name the holiday's Chinese name
 * @param from the first day off
 * @param to   the last day off, not before {@code from}
 */
public record HolidayPeriod(String name, LocalDate from, LocalDate to) {

    public HolidayPeriod {
        CalendarYear.requireText(name, "holiday name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("holiday " + name + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** @return the number of days off, weekend days included */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}
