package org.onedoor.shell.internal;

import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.calendar.HolidayPeriod;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.MakeUpWorkday;
import org.onedoor.api.calendar.WorkingDayCalendar;

/** {@code onedoor:calendar [year]}: the years of the working-day calendar, or one year's holidays and make-up days. */
@Command(scope = "onedoor", name = "calendar",
        description = "Lists the years of the working-day calendar, or the holidays and make-up working days of one year")
@Service
public class CalendarCommand implements Action {

    @Reference
    WorkingDayCalendar calendar;

    @Argument(index = 0, name = "year", description = "A year, e.g. 2026; without it the known years are listed", required = false)
    Integer year;

    @Override
    public Object execute() {
        if (year == null) {
            listYears();
        } else {
            showYear(calendar.year(year).orElseThrow(() -> new IllegalArgumentException("The calendar has no year " + year
                    + " (known years: " + CalendarText.years(calendar.years()) + "). Load its file with onedoor:calendar-load <file>.")));
        }
        return null;
    }

    private void listYears() {
        ShellTable table = new ShellTable();
        table.column("Year");
        table.column("Origin");
        table.column("Holiday days");
        table.column("Make-up days");
        table.column("Working days");
        table.column("Loaded");
        for (KnownYear y : calendar.years()) {
            table.addRow().addContent(y.year(), y.origin(), y.calendar().holidays().size(), y.calendar().makeUpWorkdays().size(),
                    workingDays(y.year()), y.loadedAt().map(at -> y.loadedBy() + " at " + at).orElse("-"));
        }
        table.print(System.out);
        System.out.println("onedoor:calendar <year> shows one year's days; onedoor:calendar-load <file> loads a year.");
    }

    /** Chinese names go last: the table pads by characters, and wide characters would shift the columns after them. */
    private void showYear(KnownYear y) {
        System.out.println(y.year() + " (" + y.origin() + y.loadedAt().map(at -> ", loaded by " + y.loadedBy() + " at " + at).orElse("")
                + "): " + workingDays(y.year()) + " working days" + (y.calendar().notice().isEmpty() ? "" : "; " + y.calendar().notice()));
        ShellTable holidays = new ShellTable();
        holidays.column("From");
        holidays.column("To");
        holidays.column("Days");
        holidays.column("Holiday");
        for (HolidayPeriod p : y.calendar().holidayPeriods()) {
            holidays.addRow().addContent(CalendarText.day(p.from()), CalendarText.day(p.to()), p.days(), p.name());
        }
        holidays.print(System.out);
        ShellTable makeUps = new ShellTable();
        makeUps.column("Make-up working day");
        makeUps.column("For holiday");
        for (MakeUpWorkday m : y.calendar().makeUpWorkdays()) {
            makeUps.addRow().addContent(CalendarText.day(m.date()), m.holiday());
        }
        makeUps.print(System.out);
    }

    private int workingDays(int y) {
        return calendar.workingDaysBetween(LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31));
    }
}
