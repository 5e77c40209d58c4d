package org.onedoor.core.internal.calendar;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules that hold between the entries of a calendar year file: dates inside the year, each
 * holiday and each day listed once, no day both holiday and make-up working day, make-up working
 * days on weekends.
 */
final class CalendarFileRules {

    /** Longest holiday period accepted, in days; a longer one is a typing error in from or to. */
    static final int MAX_HOLIDAY_DAYS = 31;

    /** A holiday entry of the file and where it is ({@code to} equals {@code from} for one day). */
    record HolidayEntry(String name, LocalDate from, LocalDate to, String pointer) {
    }

    /** A make-up working day entry of the file and where it is. */
    record MakeUpEntry(LocalDate date, String holiday, String pointer) {
    }

    private CalendarFileRules() {
    }

    /** Adds a problem to {@code problems} for every rule an entry breaks. */
    static void check(int year, List<HolidayEntry> holidays, List<MakeUpEntry> makeUps, ProblemList problems) {
        Map<String, HolidayEntry> names = new HashMap<>();
        Map<LocalDate, HolidayEntry> holidayDays = new HashMap<>();
        for (HolidayEntry h : holidays) {
            boolean inYear = inYear(year, h.from(), h.pointer() + "/from", problems)
                    && (h.to().equals(h.from()) || inYear(year, h.to(), h.pointer() + "/to", problems));
            HolidayEntry sameName = names.putIfAbsent(h.name(), h);
            if (sameName != null) {
                problems.add(h.pointer() + "/name", h.name() + " is already listed on line " + problems.line(sameName.pointer())
                        + "; give each holiday one entry whose from and to span all its days");
            }
            long days = ChronoUnit.DAYS.between(h.from(), h.to()) + 1;
            if (days > MAX_HOLIDAY_DAYS) {
                problems.add(h.pointer(), h.name() + " would last " + days + " days (" + h.from() + " to " + h.to()
                        + "); a holiday lasts at most " + MAX_HOLIDAY_DAYS + " days, check from and to");
            } else if (inYear) {
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    HolidayEntry other = holidayDays.putIfAbsent(d, h);
                    if (other != null) {
                        problems.add(h.pointer(), d + " is already a day of " + other.name() + " (line "
                                + problems.line(other.pointer()) + "); list each day off once");
                        break;
                    }
                }
            }
        }
        Map<LocalDate, MakeUpEntry> makeUpDays = new HashMap<>();
        for (MakeUpEntry m : makeUps) {
            String where = m.pointer() + "/date";
            if (!inYear(year, m.date(), where, problems)) {
                continue;
            }
            if (!isWeekend(m.date())) {
                problems.add(where, m.date() + " is a " + weekday(m.date())
                        + "; a make-up working day must be a Saturday or Sunday (weekdays are working days anyway)");
            }
            MakeUpEntry twice = makeUpDays.putIfAbsent(m.date(), m);
            if (twice != null) {
                problems.add(where, m.date() + " is already listed on line " + problems.line(twice.pointer()) + "; list it once");
            }
            HolidayEntry holiday = holidayDays.get(m.date());
            if (holiday != null) {
                problems.add(where, m.date() + " is both a make-up working day and a day of " + holiday.name() + " (line "
                        + problems.line(holiday.pointer()) + "); a day is either off or worked");
            }
        }
    }

    private static boolean inYear(int year, LocalDate date, String pointer, ProblemList problems) {
        if (date.getYear() == year) {
            return true;
        }
        problems.add(pointer, date + " is not in " + year + "; every date of the file must lie in the year it declares "
                + "(put days of " + date.getYear() + " into the file of " + date.getYear() + ")");
        return false;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek().getValue() >= 6;
    }

    static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
