package org.onedoor.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * A make-up working day (调休上班日): a Saturday or Sunday on which the hall works, in exchange
 * for a weekday given off around a holiday.
 *
 * @param date    the day, a Saturday or Sunday
 * @param holiday the name of the holiday it belongs to, e.g. {@code 春节}
 */
public record MakeUpWorkday(LocalDate date, String holiday) {

    public MakeUpWorkday {
        Objects.requireNonNull(date, "date");
        CalendarYear.requireText(holiday, "holiday of a make-up working day");
        if (!isWeekend(date)) {
            throw new IllegalArgumentException("make-up working day " + date + " is a "
                    + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + "; it must be a Saturday or Sunday");
        }
    }

    /** @return true for Saturday and Sunday */
    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
