package org.onedoor.api.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * @param holidays holiday days in date order
     * @return the days grouped into periods of consecutive dates with the same name, in the same order
     */
    public static List<HolidayPeriod> group(List<Holiday> holidays) {
        List<HolidayPeriod> periods = new ArrayList<>();
        Holiday first = null;
        Holiday last = null;
        for (Holiday h : holidays) {
            if (last != null && (!h.name().equals(last.name()) || !h.date().equals(last.date().plusDays(1)))) {
                periods.add(new HolidayPeriod(first.name(), first.date(), last.date()));
                first = null;
            }
            if (first == null) {
                first = h;
            }
            last = h;
        }
        if (first != null) {
            periods.add(new HolidayPeriod(first.name(), first.date(), last.date()));
        }
        return periods;
    }

    /** @return the number of days off, weekend days included */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}
