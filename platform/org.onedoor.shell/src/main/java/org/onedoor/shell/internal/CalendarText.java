package org.onedoor.shell.internal;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.onedoor.api.calendar.HolidayPeriod;
import org.onedoor.api.calendar.KnownYear;

/** How the calendar commands write days, holiday periods and year lists for the operator. */
final class CalendarText {

    private CalendarText() {
    }

    /** @return e.g. {@code 2026-02-14 (Saturday)} */
    static String day(LocalDate date) {
        return date + " (" + weekday(date) + ")";
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** @return e.g. {@code 春节 2026-02-15 to 2026-02-23 (9 days)} */
    static String period(HolidayPeriod p) {
        return p.name() + " " + (p.days() == 1 ? p.from() + " (1 day)" : p.from() + " to " + p.to() + " (" + p.days() + " days)");
    }

    /** @return e.g. {@code 2025, 2026}, or {@code none} */
    static String years(List<KnownYear> years) {
        return years.isEmpty() ? "none" : years.stream().map(y -> Integer.toString(y.year())).collect(Collectors.joining(", "));
    }
}
