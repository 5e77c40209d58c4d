package org.onedoor.core.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The hall's clock: the system time in the hall's zone, set to another time for a test and back, seen by holders at once. */
class SystemHallClockTest {

    private static SystemHallClock.Config config(String zone, String setTo) {
        return new SystemHallClock.Config() {
            @Override public Class<? extends Annotation> annotationType() { return SystemHallClock.Config.class; }
            @Override public String timeZone() { return zone; }
            @Override public String setTo() { return setTo; }
        };
    }

    @Test
    void readsTheSystemTimeInTheHallsZone() {
        SystemHallClock c = new SystemHallClock(config("Asia/Shanghai", ""));
        assertEquals(ZoneId.of("Asia/Shanghai"), c.zone());
        assertTrue(Duration.between(java.time.Instant.now(), c.now()).abs().toMillis() < 1000);
    }

    @Test
    void isSetToAnotherLocalTimeAndBackWhileHoldersKeepTheirClock() {
        SystemHallClock c = new SystemHallClock(config("Asia/Shanghai", ""));
        Clock held = c.clock(); // a component that kept the clock at its activation
        c.modified(config("Asia/Shanghai", "2026-10-01T23:59:30"));
        LocalDateTime local = LocalDateTime.now(held);
        assertTrue(Duration.between(LocalDateTime.parse("2026-10-01T23:59:30"), local).abs().toSeconds() < 2, local.toString());
        assertEquals(java.time.LocalDate.parse("2026-10-01"), c.today());
        c.modified(config("Asia/Shanghai", ""));
        assertTrue(Duration.between(java.time.Instant.now(), held.instant()).abs().toMillis() < 1000);
    }

    @Test
    void refusesABadZoneOrTime() {
        assertThrows(IllegalArgumentException.class, () -> new SystemHallClock(config("Mars/Olympus", "")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SystemHallClock(config("Asia/Shanghai", "tomorrow")));
        assertTrue(e.getMessage().contains("setTo"), e.getMessage());
    }
}
