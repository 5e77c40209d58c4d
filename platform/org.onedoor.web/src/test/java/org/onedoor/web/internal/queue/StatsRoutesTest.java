package org.onedoor.web.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.onedoor.web.ProblemException;

/** The day parameter of the queue figures: a date, or the hall's today when left out. */
public class StatsRoutesTest {

    @Test
    void theDayIsADateOrTheHallsToday() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertEquals(LocalDate.of(2026, 11, 27), StatsRoutes.day("2026-11-27", today));
        assertEquals(today, StatsRoutes.day(null, today));
        assertEquals(today, StatsRoutes.day("", today));
        assertEquals("invalid-day", assertThrows(ProblemException.class, () -> StatsRoutes.day("27.11.2026", today)).code());
        assertEquals(400, assertThrows(ProblemException.class, () -> StatsRoutes.day("2026-13-01", today)).status());
    }
}
