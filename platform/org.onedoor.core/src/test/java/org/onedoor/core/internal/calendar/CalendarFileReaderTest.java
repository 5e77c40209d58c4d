package org.onedoor.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.calendar.CalendarYear;
import org.onedoor.api.calendar.HolidayPeriod;
import org.onedoor.api.calendar.InvalidCalendarFileException;

/** Reading year files: the shipped files, and every kind of bad file refused with its line and field. */
class CalendarFileReaderTest {

    private static String shipped(String name) throws Exception {
        try (InputStream in = CalendarFileReaderTest.class.getResourceAsStream("/onedoor/calendar/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> problems(String content) {
        return assertThrows(InvalidCalendarFileException.class, () -> CalendarFileReader.read(content, "2027.json")).problems();
    }

    private static void refused(String content, String expectedStart) {
        List<String> problems = problems(content);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expectedStart)),
                "expected a problem starting with '" + expectedStart + "' in " + problems);
    }

    private static String with(String from, String to) {
        String changed = CalendarFixtures.YEAR_2027.replace(from, to);
        assertTrue(!changed.equals(CalendarFixtures.YEAR_2027), "fixture contains " + from);
        return changed;
    }

    @Test
    void theShippedYearsFollowTheStateCouncilNotices() throws Exception {
        CalendarYear y2026 = CalendarFileReader.read(shipped("2026.json"), "2026.json");
        assertEquals(2026, y2026.year());
        assertEquals(33, y2026.holidays().size());
        assertEquals(6, y2026.makeUpWorkdays().size());
        assertEquals(new HolidayPeriod("春节", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23)), y2026.holidayPeriods().get(1));
        assertEquals(List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"),
                y2026.holidayPeriods().stream().map(HolidayPeriod::name).toList());
        assertTrue(y2026.notice().contains("2026年部分节假日安排"));

        CalendarYear y2025 = CalendarFileReader.read(shipped("2025.json"), "2025.json");
        assertEquals(28, y2025.holidays().size());
        assertEquals(5, y2025.makeUpWorkdays().size());
        assertEquals(8, y2025.holidayPeriods().get(5).days(), "国庆节、中秋节 1-8 Oct");
    }

    @Test
    void aValidFileBecomesItsYear() {
        CalendarYear y = CalendarFileReader.read(CalendarFixtures.YEAR_2027, "2027.json");
        assertEquals(2027, y.year());
        assertEquals(11, y.holidays().size());
        assertEquals(LocalDate.of(2027, 2, 13), y.makeUpWorkdays().get(0).date());
    }

    @Test
    void datesOutsideTheDeclaredYearAreRefused() {
        refused(with("\"from\": \"2027-01-01\"", "\"from\": \"2026-12-31\""),
                "line 5, holidays[0].from: 2026-12-31 is not in 2027");
        refused(with("\"date\": \"2027-02-13\"", "\"date\": \"2028-02-12\""),
                "line 9, makeUpWorkdays[0].date: 2028-02-12 is not in 2027");
    }

    @Test
    void aDayCannotBeBothHolidayAndMakeUpWorkday() {
        refused(with("\"date\": \"2027-02-13\"", "\"date\": \"2027-02-06\""),
                "line 9, makeUpWorkdays[0].date: 2027-02-06 is both a make-up working day and a day of 春节 (line 6)");
    }

    @Test
    void makeUpWorkdaysMustFallOnAWeekend() {
        refused(with("\"date\": \"2027-02-13\"", "\"date\": \"2027-02-15\""),
                "line 9, makeUpWorkdays[0].date: 2027-02-15 is a Monday; a make-up working day must be a Saturday or Sunday");
    }

    @Test
    void eachHolidayAndEachDayIsListedOnce() {
        refused(with("{\"name\": \"春节\", \"from\": \"2027-02-05\"", "{\"name\": \"元旦\", \"from\": \"2027-02-05\""),
                "line 6, holidays[1].name: 元旦 is already listed on line 5");
        refused(with("\"from\": \"2027-02-05\", \"to\": \"2027-02-12\"", "\"from\": \"2027-01-03\", \"to\": \"2027-01-09\""),
                "line 6, holidays[1]: 2027-01-03 is already a day of 元旦 (line 5)");
        refused(with("{\"date\": \"2027-02-13\", \"holiday\": \"春节\"}",
                "{\"date\": \"2027-02-13\", \"holiday\": \"春节\"},\n    {\"date\": \"2027-02-13\", \"holiday\": \"春节\"}"),
                "line 10, makeUpWorkdays[1].date: 2027-02-13 is already listed on line 9");
    }

    @Test
    void fieldsAreCheckedOneByOne() {
        refused(with("\"year\": 2027", "\"year\": \"2027\""), "line 2, year: the year must be a four-digit number");
        refused(with("\"year\": 2027,", ""), "line 1: \"year\" is missing");
        refused(with("\"to\": \"2027-02-12\"", "\"to\": \"2027-02-30\""), "line 6, holidays[1].to: \"2027-02-30\" is not a date");
        refused(with("\"to\": \"2027-02-12\"", "\"to\": \"2027-02-01\""), "line 6, holidays[1].to: ends (2027-02-01) before it starts");
        refused(with("\"to\": \"2027-02-12\"", "\"to\": \"2027-12-12\""), "line 6, holidays[1]: 春节 would last 311 days");
        refused(with("\"makeUpWorkdays\"", "\"makeupDays\""), "line 8, makeupDays: unknown field \"makeupDays\"");
        refused(with("\"name\": \"元旦\", ", ""), "line 5, holidays[0]: \"name\" is missing");
        refused(with("\"holiday\": \"春节\"", "\"holiday\": \"  \""), "line 9, makeUpWorkdays[0].holiday: must be a non-empty text");
        refused("[]", "line 1: the file must be one JSON object");
        refused("{\"year\": 2027, \"holidays\": [], \"makeUpWorkdays\": []}", "line 1, holidays: the list is empty");
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        refused(with("\"2027-01-03\"},", "\"2027-01-03\"}"), "line 6, column 5: not valid JSON");
        refused("", "the file is empty");
        refused(CalendarFixtures.YEAR_2027 + CalendarFixtures.YEAR_2027, "line 12, column 1: not valid JSON");
        refused(with("\"holidays\": [", "\"year\": 2028, \"holidays\": ["), "line 4, column 11: not valid JSON: Duplicate field 'year'");
    }

    @Test
    void everyProblemIsReportedInLineOrderAndTheMessageSaysNothingWasLoaded() {
        String bad = with("\"from\": \"2027-01-01\"", "\"from\": \"2026-12-31\"")
                .replace("\"date\": \"2027-02-13\"", "\"date\": \"2027-02-15\"");
        InvalidCalendarFileException e = assertThrows(InvalidCalendarFileException.class,
                () -> CalendarFileReader.read(bad, "2027.json"));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("line 5,"));
        assertTrue(e.problems().get(1).startsWith("line 9,"));
        assertTrue(e.getMessage().startsWith("2027.json is not a valid calendar file, nothing was loaded: line 5"), e.getMessage());

        String badDateAndWeekday = with("\"to\": \"2027-02-12\"", "\"to\": \"2027-02-30\"")
                .replace("\"date\": \"2027-02-13\"", "\"date\": \"2027-02-15\"");
        List<String> both = problems(badDateAndWeekday);
        assertEquals(2, both.size(), both.toString());
        assertTrue(both.get(0).startsWith("line 6, holidays[1].to:"), both.toString());
        assertTrue(both.get(1).startsWith("line 9, makeUpWorkdays[0].date: 2027-02-15 is a Monday"), both.toString());
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        String big = "{\"notice\": \"" + "x".repeat(70_000) + "\"}";
        refused(big, "the file is larger than 64 KiB");
    }
}
