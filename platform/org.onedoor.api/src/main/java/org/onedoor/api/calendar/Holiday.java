package org.onedoor.api.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day off of an official public holiday (weekend days inside the holiday's break included).
 *
 * @param date the day
 * @param name the holiday's Chinese name as the State Council notice gives it, e.g. {@code 春节}
 */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        CalendarYear.requireText(name, "holiday name");
    }
}
