package org.onedoor.api.hall;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's time: the one time zone its days, deadlines and reports are counted in
 * ({@code Asia/Shanghai} unless configured), and the clock everything reads the time from.
 * Offered by the core as a service; tests hand components a clock of their own.
 */
@ProviderType
public interface HallClock {

    /** @return the hall's time zone */
    ZoneId zone();

    /** @return the clock, in the hall's time zone */
    Clock clock();

    /** @return the current instant */
    default Instant now() {
        return clock().instant();
    }

    /** @return the hall's calendar day now */
    default LocalDate today() {
        return LocalDate.now(clock());
    }

    /** @return a hall clock reading the given clock, in its zone */
    static HallClock of(Clock clock) {
        return new HallClock() {
            @Override
            public ZoneId zone() {
                return clock.getZone();
            }

            @Override
            public Clock clock() {
                return clock;
            }
        };
    }
}
