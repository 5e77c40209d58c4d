package org.onedoor.web.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.onedoor.web.ProblemException;

/** The day parameter of the queue figures: a date, or the hall's today when left out. */
public class StatsRoutesTest {

    @Test
    void theDayIsADateOrTheHallsToday() {
        assertEquals(LocalDate.of(2026, 11, 27), StatsRoutes.day("2026-11-27"));
        LocalDate before = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate day = StatsRoutes.day(null);
        LocalDate after = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertEquals(true, day.equals(before) || day.equals(after));
        assertEquals("invalid-day", assertThrows(ProblemException.class, () -> StatsRoutes.day("27.11.2026")).code());
        assertEquals(400, assertThrows(ProblemException.class, () -> StatsRoutes.day("2026-13-01")).status());
    }
}
