package org.onedoor.core.internal.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.Holiday;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.MakeUpWorkday;

/**
 * An immutable set of known calendar years that applies the working-day rule of
 * {@link org.onedoor.api.calendar.WorkingDayCalendar}; safe to share between threads.
 */
final class CalendarSnapshot {

    private final TreeMap<Integer, KnownYear> years;
    private final Map<LocalDate, Holiday> holidays = new HashMap<>();
    private final Map<LocalDate, MakeUpWorkday> makeUps = new HashMap<>();

    private CalendarSnapshot(TreeMap<Integer, KnownYear> years) {
        this.years = years;
        for (KnownYear y : years.values()) {
            y.calendar().holidays().forEach(h -> holidays.put(h.date(), h));
            y.calendar().makeUpWorkdays().forEach(m -> makeUps.put(m.date(), m));
        }
    }

    /** @return a snapshot of the given years; of two with the same number the later one wins */
    static CalendarSnapshot of(Collection<KnownYear> known) {
        TreeMap<Integer, KnownYear> years = new TreeMap<>();
        known.forEach(y -> years.put(y.year(), y));
        return new CalendarSnapshot(years);
    }

    /** @return a new snapshot with {@code year} added, or replacing the year of the same number */
    CalendarSnapshot with(KnownYear year) {
        TreeMap<Integer, KnownYear> next = new TreeMap<>(years);
        next.put(year.year(), year);
        return new CalendarSnapshot(next);
    }

    boolean isWorkingDay(LocalDate date) {
        requireKnown(date);
        if (makeUps.containsKey(date)) {
            return true;
        }
        return !holidays.containsKey(date) && !CalendarFileRules.isWeekend(date);
    }

    Deadline deadline(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("the number of working days must be 0 or more, was " + workingDays);
        }
        List<Holiday> skipped = new ArrayList<>();
        List<MakeUpWorkday> counted = new ArrayList<>();
        int weekendDays = 0;
        int wanted = Math.max(1, workingDays);
        int found = 0;
        LocalDate day = workingDays == 0 ? from : from.plusDays(1);
        while (true) {
            if (isWorkingDay(day)) {
                Optional.ofNullable(makeUps.get(day)).ifPresent(counted::add);
                if (++found == wanted) {
                    return new Deadline(from, workingDays, day, skipped, counted, weekendDays);
                }
            } else if (holidays.containsKey(day)) {
                skipped.add(holidays.get(day));
            } else {
                weekendDays++;
            }
            day = day.plusDays(1);
        }
    }

    int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    List<KnownYear> years() {
        return List.copyOf(years.values());
    }

    Optional<KnownYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    private void requireKnown(LocalDate date) {
        if (!years.containsKey(date.getYear())) {
            throw new CalendarYearMissingException(date.getYear());
        }
    }
}
