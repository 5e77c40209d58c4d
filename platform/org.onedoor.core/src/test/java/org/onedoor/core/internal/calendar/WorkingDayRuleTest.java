package org.onedoor.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.Holiday;
import org.onedoor.api.calendar.MakeUpWorkday;

/** The working-day rule on the shipped 2025 and 2026 calendars. */
class WorkingDayRuleTest {

    private final HallCalendar calendar = CalendarFixtures.freshCalendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private LocalDate deadline(String from, int days) {
        return calendar.deadline(d(from), days).date();
    }

    @Test
    void springFestival2026CountsTheSaturdayMakeUpDayAndSkipsNineDaysOff() {
        assertEquals(d("2026-02-14"), deadline("2026-02-13", 1), "Sat 14 Feb is a make-up working day");
        Deadline two = calendar.deadline(d("2026-02-13"), 2);
        assertEquals(d("2026-02-24"), two.date(), "15-23 Feb are off");
        assertEquals(9, two.holidaysSkipped().size());
        assertTrue(two.holidaysSkipped().stream().allMatch(h -> h.name().equals("春节")));
        assertEquals(d("2026-02-15"), two.holidaysSkipped().get(0).date());
        assertEquals(d("2026-02-23"), two.holidaysSkipped().get(8).date());
        assertEquals(List.of(new MakeUpWorkday(d("2026-02-14"), "春节")), two.makeUpWorkdaysCounted());
        assertEquals(0, two.weekendDaysSkipped());
        assertEquals(d("2026-02-28"), deadline("2026-02-24", 4), "Sat 28 Feb is the second make-up day");
        assertEquals(d("2026-03-02"), deadline("2026-02-24", 5), "Sun 1 Mar is an ordinary day off");
    }

    @Test
    void nationalDay2026SkipsTheWeekAndCountsSaturdayTenthOfOctober() {
        assertEquals(d("2026-10-08"), deadline("2026-09-30", 1));
        assertEquals(d("2026-10-09"), deadline("2026-09-30", 2));
        assertEquals(d("2026-10-10"), deadline("2026-09-30", 3), "Sat 10 Oct is a make-up working day");
        assertEquals(d("2026-10-12"), deadline("2026-09-30", 4), "Sun 11 Oct is off");
        assertTrue(calendar.isWorkingDay(d("2026-10-10")));
        assertTrue(calendar.isWorkingDay(d("2026-09-20")), "Sun 20 Sep is a make-up working day");
        Deadline one = calendar.deadline(d("2026-09-30"), 1);
        assertEquals(7, one.holidaysSkipped().size());
        assertEquals(List.of("国庆节"), one.holidaysSkipped().stream().map(Holiday::name).distinct().toList());
    }

    @Test
    void springFestival2025WithItsSundayAndSaturdayMakeUpDays() {
        assertEquals(d("2025-01-26"), deadline("2025-01-24", 1), "Sat 25 Jan is off, Sun 26 Jan is worked");
        assertEquals(d("2025-01-27"), deadline("2025-01-24", 2));
        assertEquals(d("2025-02-05"), deadline("2025-01-24", 3), "28 Jan - 4 Feb are off");
        assertEquals(d("2025-02-08"), deadline("2025-01-24", 6), "Sat 8 Feb is worked");
        Deadline six = calendar.deadline(d("2025-01-24"), 6);
        assertEquals(2, six.makeUpWorkdaysCounted().size());
        assertEquals(8, six.holidaysSkipped().size());
        assertEquals(1, six.weekendDaysSkipped(), "only Sat 25 Jan");
    }

    @Test
    void aWeekdayHolidayIsNotAWorkingDayAndAMakeUpWeekendIs() {
        assertFalse(calendar.isWorkingDay(d("2026-02-23")), "Monday, last day of Spring Festival");
        assertFalse(calendar.isWorkingDay(d("2025-10-08")), "Wednesday of National Day 2025");
        assertFalse(calendar.isWorkingDay(d("2026-01-02")), "Friday of New Year");
        assertTrue(calendar.isWorkingDay(d("2026-02-28")), "Saturday make-up day");
        assertTrue(calendar.isWorkingDay(d("2025-04-27")), "Sunday make-up day");
        assertFalse(calendar.isWorkingDay(d("2026-03-07")), "an ordinary Saturday");
        assertTrue(calendar.isWorkingDay(d("2026-03-04")), "an ordinary Wednesday");
        assertEquals(d("2025-05-06"), deadline("2025-04-30", 1), "1-5 May 2025 are off, Thursday and Friday included");
    }

    @Test
    void zeroWorkingDaysIsFromItselfOrTheNextWorkingDay() {
        assertEquals(d("2026-03-04"), deadline("2026-03-04", 0));
        assertEquals(d("2026-02-14"), deadline("2026-02-14", 0), "a make-up Saturday is a working day");
        assertEquals(d("2026-02-24"), deadline("2026-02-15", 0));
        assertEquals(d("2026-03-09"), deadline("2026-03-07", 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.deadline(d("2026-03-04"), -1));
    }

    @Test
    void workingDaysBetweenCountsAfterFromUpToAndIncludingTo() {
        assertEquals(2, calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-24")));
        assertEquals(-2, calendar.workingDaysBetween(d("2026-02-24"), d("2026-02-13")));
        assertEquals(0, calendar.workingDaysBetween(d("2026-02-24"), d("2026-02-24")));
        assertEquals(248, calendar.workingDaysBetween(d("2024-12-31"), d("2025-12-31")), "working days of 2025");
        assertEquals(248, calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31")), "working days of 2026");
    }

    @Test
    void deadlineAndWorkingDaysBetweenAgreeOnEveryDayOfBothYears() {
        for (LocalDate from = d("2025-01-01"); from.isBefore(d("2026-12-01")); from = from.plusDays(1)) {
            for (int n = 1; n <= 10; n++) {
                LocalDate deadline = calendar.deadline(from, n).date();
                assertTrue(calendar.isWorkingDay(deadline), from + " + " + n);
                assertEquals(n, calendar.workingDaysBetween(from, deadline), from + " + " + n);
                assertEquals(n - 1, calendar.workingDaysBetween(from, deadline.minusDays(1)), from + " + " + n);
            }
        }
    }

    @Test
    void aDayInAnUnknownYearIsRefusedNotCountedAsAPlainWeekday() {
        CalendarYearMissingException late = assertThrows(CalendarYearMissingException.class,
                () -> calendar.deadline(d("2026-12-30"), 5));
        assertEquals(2027, late.year());
        assertTrue(late.getMessage().contains("no year 2027"), late.getMessage());
        assertTrue(late.getMessage().contains("onedoor:calendar-load"), late.getMessage());
        assertEquals(2024, assertThrows(CalendarYearMissingException.class,
                () -> calendar.isWorkingDay(d("2024-05-06"))).year());
        assertThrows(CalendarYearMissingException.class,
                () -> calendar.workingDaysBetween(d("2026-12-01"), d("2027-01-04")));
        assertEquals(d("2026-12-31"), deadline("2026-12-30", 1), "a deadline inside the known year is still answered");
    }
}
