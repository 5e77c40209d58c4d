package org.onedoor.shell.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.HolidayPeriod;
import org.onedoor.api.calendar.MakeUpWorkday;
import org.onedoor.api.calendar.WorkingDayCalendar;

/** {@code onedoor:working-days <from> <days>}: the deadline of a time limit counted in working days. */
@Command(scope = "onedoor", name = "working-days",
        description = "Computes the deadline of a time limit of N working days counted from a day (the day after it is day 1)")
@Service
public class WorkingDaysCommand implements Action {

    @Reference
    WorkingDayCalendar calendar;

    @Argument(index = 0, name = "from", description = "The day the time limit starts from, YYYY-MM-DD", required = true)
    String from;

    @Argument(index = 1, name = "days", description = "The number of working days, 0 or more", required = true)
    int days;

    @Override
    public Object execute() {
        LocalDate start;
        try {
            start = LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + from + "' is not a date; write YYYY-MM-DD, e.g. 2026-02-13.");
        }
        if (days < 0) {
            throw new IllegalArgumentException("The number of working days must be 0 or more, was " + days + ".");
        }
        Deadline d = calendar.deadline(start, days);
        System.out.println(CalendarText.day(d.from()) + " + " + days + " working day" + (days == 1 ? "" : "s") + " = "
                + CalendarText.day(d.date()) + ", " + (d.date().toEpochDay() - d.from().toEpochDay()) + " calendar days later");
        for (HolidayPeriod p : d.holidayPeriodsSkipped()) {
            System.out.println("  holiday skipped: " + CalendarText.period(p));
        }
        for (MakeUpWorkday m : d.makeUpWorkdaysCounted()) {
            System.out.println("  make-up working day counted: " + CalendarText.day(m.date()) + " for " + m.holiday());
        }
        System.out.println("  ordinary weekend days skipped: " + d.weekendDaysSkipped());
        return null;
    }
}
