package org.onedoor.api.calendar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A year the calendar knows, with where it came from.
 *
 * @param calendar the year's holidays and make-up working days
 * @param origin   bundled or loaded at run time
 * @param loadedBy who loaded it; empty for a bundled year
 * @param loadedAt when it was loaded; empty for a bundled year
 */
public record KnownYear(CalendarYear calendar, YearOrigin origin, String loadedBy, Optional<Instant> loadedAt) {

    public KnownYear {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(loadedBy, "loadedBy");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    /** @return the year's number */
    public int year() {
        return calendar.year();
    }
}
