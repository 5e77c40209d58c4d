package org.onedoor.api.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One calendar year of the working-day calendar: its official holidays and make-up working days.
 *
 * <p>The constructor keeps the year consistent: every date lies in {@code year}, no date is
 * listed twice, and no date is both a holiday and a make-up working day. Lists are kept in date order.
 *
 * @param year           the year, e.g. 2026
 * @param notice         the document the arrangement follows (e.g. the State Council General
 *                       Office notice and its date); empty when not given
 * @param holidays       every day off of the year's holidays, one entry per date
 * @param makeUpWorkdays the year's make-up working days
 */
public record CalendarYear(int year, String notice, List<Holiday> holidays, List<MakeUpWorkday> makeUpWorkdays) {

    public CalendarYear {
        Objects.requireNonNull(notice, "notice");
        holidays = sorted(holidays, Holiday::date);
        makeUpWorkdays = sorted(makeUpWorkdays, MakeUpWorkday::date);
        Set<LocalDate> seen = new HashSet<>();
        for (Holiday h : holidays) {
            requireInYear(year, h.date());
            if (!seen.add(h.date())) {
                throw new IllegalArgumentException("holiday date " + h.date() + " is listed twice");
            }
        }
        for (MakeUpWorkday m : makeUpWorkdays) {
            requireInYear(year, m.date());
            if (!seen.add(m.date())) {
                throw new IllegalArgumentException(m.date() + " is listed twice or is both a holiday and a make-up working day");
            }
        }
    }

    /**
     * @return the holidays grouped into periods of consecutive days with the same name, in date order
     */
    public List<HolidayPeriod> holidayPeriods() {
        return HolidayPeriod.group(holidays);
    }

    private static void requireInYear(int year, LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in the year " + year);
        }
    }

    private static <T> List<T> sorted(List<T> items, Function<T, LocalDate> date) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(date));
        return List.copyOf(copy);
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
