package org.onedoor.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.InvalidCalendarFileException;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.YearOrigin;
import org.onedoor.core.internal.zone.TestStore;

/** Loading years at run time: kept in the store across restarts, overriding bundled years, invalid files change nothing. */
class HallCalendarTest {

    private final DataSource store = TestStore.migrated();

    private HallCalendar start() {
        return new HallCalendar(CalendarFixtures.bundledFiles(), store);
    }

    private int storedRows() throws Exception {
        try (Connection c = store.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM calendar_year")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void bundledYearsAreKnownAtStart() {
        HallCalendar calendar = start();
        assertEquals(List.of(2025, 2026), calendar.years().stream().map(KnownYear::year).toList());
        KnownYear y2026 = calendar.year(2026).orElseThrow();
        assertEquals(YearOrigin.BUNDLED, y2026.origin());
        assertEquals(Optional.empty(), y2026.loadedAt());
        assertTrue(calendar.year(2027).isEmpty());
    }

    @Test
    void aLoadedYearAnswersAtOnceAndSurvivesARestart() throws Exception {
        HallCalendar calendar = start();
        assertThrows(CalendarYearMissingException.class, () -> calendar.deadline(LocalDate.of(2027, 2, 4), 1));

        KnownYear loaded = calendar.load(2027, CalendarFixtures.YEAR_2027, "2027.json", "op1");
        assertEquals(YearOrigin.LOADED, loaded.origin());
        assertEquals("op1", loaded.loadedBy());
        assertEquals(LocalDate.of(2027, 2, 13), calendar.deadline(LocalDate.of(2027, 2, 4), 1).date(),
                "5-12 Feb are off in the loaded file, Sat 13 Feb is worked");
        assertEquals(List.of(2025, 2026, 2027), calendar.years().stream().map(KnownYear::year).toList());
        assertEquals(1, storedRows());

        HallCalendar restarted = start();
        KnownYear again = restarted.year(2027).orElseThrow();
        assertEquals(YearOrigin.LOADED, again.origin());
        assertEquals("op1", again.loadedBy());
        assertEquals(loaded.loadedAt(), again.loadedAt());
        assertEquals(loaded.calendar(), again.calendar());
        assertEquals(LocalDate.of(2027, 2, 13), restarted.deadline(LocalDate.of(2027, 2, 4), 1).date());
        assertEquals(LocalDate.of(2027, 1, 4), restarted.deadline(LocalDate.of(2026, 12, 31), 1).date(),
                "a count now runs from a bundled year into the loaded one");
    }

    @Test
    void aLoadedYearOverridesTheBundledOneAlsoAfterARestart() {
        HallCalendar calendar = start();
        String corrected = """
                {"year": 2026, "notice": "corrected",
                 "holidays": [{"name": "春节", "from": "2026-02-16", "to": "2026-02-20"}],
                 "makeUpWorkdays": []}
                """;
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 28)));
        calendar.load(corrected, "2026-corrected.json", "admin");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 28)), "no make-up days any more");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 1, 2)), "New Year is no longer in the file");

        HallCalendar restarted = start();
        assertEquals(YearOrigin.LOADED, restarted.year(2026).orElseThrow().origin());
        assertEquals("corrected", restarted.year(2026).orElseThrow().calendar().notice());
        assertFalse(restarted.isWorkingDay(LocalDate.of(2026, 2, 28)));
        assertEquals(YearOrigin.BUNDLED, restarted.year(2025).orElseThrow().origin());
    }

    @Test
    void anInvalidFileChangesNothingInMemoryOrInTheStore() throws Exception {
        HallCalendar calendar = start();
        calendar.load(CalendarFixtures.YEAR_2027, "2027.json", "op1");
        KnownYear before = calendar.year(2027).orElseThrow();
        List<String> invalid = List.of(
                CalendarFixtures.YEAR_2027.replace("\"date\": \"2027-02-13\"", "\"date\": \"2027-02-15\""),
                CalendarFixtures.YEAR_2027.replace("\"date\": \"2027-02-13\"", "\"date\": \"2027-02-06\""),
                CalendarFixtures.YEAR_2027.replace("\"from\": \"2027-01-01\"", "\"from\": \"2026-12-31\""),
                CalendarFixtures.YEAR_2027.replace("\"name\": \"春节\"", "\"name\": \"元旦\""),
                CalendarFixtures.YEAR_2027.replace("\"year\": 2027,", "\"year\": 2027"));
        for (String file : invalid) {
            assertThrows(InvalidCalendarFileException.class, () -> calendar.load(file, "2027.json", "op2"));
            assertThrows(InvalidCalendarFileException.class, () -> calendar.load(2027, file, "2027.json", "op2"));
        }
        assertEquals(before, calendar.year(2027).orElseThrow());
        assertEquals(1, storedRows());
        assertEquals(before, start().year(2027).orElseThrow());
    }

    @Test
    void aFileLoadedAsAnotherYearIsRefused() throws Exception {
        HallCalendar calendar = start();
        InvalidCalendarFileException e = assertThrows(InvalidCalendarFileException.class,
                () -> calendar.load(2028, CalendarFixtures.YEAR_2027, "PUT /api/v1/calendar/years/2028", "op1"));
        assertTrue(e.getMessage().contains("the file declares the year 2027 but is loaded as the year 2028"), e.getMessage());
        assertTrue(calendar.year(2027).isEmpty());
        assertTrue(calendar.year(2028).isEmpty());
        assertEquals(0, storedRows());
    }

    @Test
    void aStoredYearThatNoLongerReadsIsLeftOutAndTheBundledYearStays() throws Exception {
        try (Connection c = store.getConnection()) {
            c.createStatement().executeUpdate("INSERT INTO calendar_year VALUES (2026, '{\"year\": 2026}', 'op1', CURRENT_TIMESTAMP)");
        }
        HallCalendar calendar = start();
        assertEquals(YearOrigin.BUNDLED, calendar.year(2026).orElseThrow().origin());
    }
}
