package org.onedoor.api.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarYearTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidaysAreSortedAndGroupedIntoPeriodsByNameAndConsecutiveDays() {
        CalendarYear year = new CalendarYear(2026, "", List.of(
                new Holiday(d("2026-09-26"), "中秋节"), new Holiday(d("2026-09-25"), "中秋节"),
                new Holiday(d("2026-10-01"), "国庆节"), new Holiday(d("2026-10-02"), "国庆节"),
                new Holiday(d("2026-10-03"), "重阳"), new Holiday(d("2026-10-05"), "国庆节")),
                List.of(new MakeUpWorkday(d("2026-10-10"), "国庆节")));
        assertEquals(d("2026-09-25"), year.holidays().get(0).date());
        assertEquals(List.of(
                new HolidayPeriod("中秋节", d("2026-09-25"), d("2026-09-26")),
                new HolidayPeriod("国庆节", d("2026-10-01"), d("2026-10-02")),
                new HolidayPeriod("重阳", d("2026-10-03"), d("2026-10-03")),
                new HolidayPeriod("国庆节", d("2026-10-05"), d("2026-10-05"))), year.holidayPeriods());
        assertEquals(2, year.holidayPeriods().get(0).days());
    }

    @Test
    void anInconsistentYearCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear(2026, "",
                List.of(new Holiday(d("2027-01-01"), "元旦")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear(2026, "",
                List.of(new Holiday(d("2026-01-01"), "元旦"), new Holiday(d("2026-01-01"), "新年")), List.of()));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new CalendarYear(2026, "",
                List.of(new Holiday(d("2026-02-14"), "春节")), List.of(new MakeUpWorkday(d("2026-02-14"), "春节"))));
        assertTrue(both.getMessage().contains("2026-02-14"));
        IllegalArgumentException weekday = assertThrows(IllegalArgumentException.class,
                () -> new MakeUpWorkday(d("2026-02-13"), "春节"));
        assertTrue(weekday.getMessage().contains("is a Friday"), weekday.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Holiday(d("2026-02-13"), " "));
        assertThrows(IllegalArgumentException.class, () -> new HolidayPeriod("春节", d("2026-02-23"), d("2026-02-15")));
    }
}
