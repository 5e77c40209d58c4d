package org.onedoor.api.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A time limit counted on the working-day calendar, with the days that made it longer than plain
 * weekdays would and the make-up working days that counted.
 *
 * <p>The days examined are those after {@code from} up to and including {@code date}; for 0 working
 * days they start at {@code from} itself.
 *
 * @param from                  the day counting starts after
 * @param workingDays           the number of working days counted
 * @param date                  the deadline: the {@code workingDays}-th working day after {@code from}
 *                              (for 0: {@code from} if it is a working day, else the next working day)
 * @param holidaysSkipped       the holiday days examined, in date order
 * @param makeUpWorkdaysCounted the make-up working days examined (each counted as a working day), in date order
 * @param weekendDaysSkipped    the Saturdays and Sundays examined that were neither holiday nor make-up day
 */
public record Deadline(LocalDate from, int workingDays, LocalDate date, List<Holiday> holidaysSkipped,
        List<MakeUpWorkday> makeUpWorkdaysCounted, int weekendDaysSkipped) {

    public Deadline {
        holidaysSkipped = List.copyOf(holidaysSkipped);
        makeUpWorkdaysCounted = List.copyOf(makeUpWorkdaysCounted);
    }

    /** @return the holiday days examined, grouped into periods of consecutive days of one holiday */
    public List<HolidayPeriod> holidayPeriodsSkipped() {
        return HolidayPeriod.group(holidaysSkipped);
    }
}
