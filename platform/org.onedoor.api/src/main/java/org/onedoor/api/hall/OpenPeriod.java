package org.onedoor.api.hall;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of a day during which the hall takes tickets, in the hall's local time, from
 * {@code opens} (inclusive) to {@code closes} (exclusive).
 *
 * @param opens  when the stretch begins
 * @param closes when it ends, after {@code opens}
 */
public record OpenPeriod(LocalTime opens, LocalTime closes) {

    public OpenPeriod {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("an open period must close after it opens: " + opens + "-" + closes);
        }
    }

    /** @return whether {@code time} lies in this period */
    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
