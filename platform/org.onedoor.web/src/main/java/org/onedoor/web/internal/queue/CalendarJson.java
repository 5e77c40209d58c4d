package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.onedoor.api.calendar.CalendarYear;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.HolidayPeriod;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.MakeUpWorkday;

/** JSON views of the working-day calendar for the API. */
public final class CalendarJson {

    private CalendarJson() {
    }

    /** @return a year's summary: number, origin, notice, counts, who loaded it and when */
    static JsonObject summary(KnownYear known) {
        CalendarYear c = known.calendar();
        JsonObject json = new JsonObject()
                .put("year", c.year())
                .put("origin", known.origin().name())
                .put("notice", c.notice())
                .put("holidayDayCount", c.holidays().size())
                .put("makeUpWorkdayCount", c.makeUpWorkdays().size());
        if (!known.loadedBy().isEmpty()) {
            json.put("loadedBy", known.loadedBy());
        }
        known.loadedAt().ifPresent(at -> json.put("loadedAt", at.toString()));
        return json;
    }

    /**
     * @param workingDays the number of working days in the year
     * @return a year with its holiday periods and make-up working days
     */
    static JsonObject year(KnownYear known, int workingDays) {
        JsonObject json = summary(known).put("workingDays", workingDays);
        json.put("holidays", periods(known.calendar().holidayPeriods()));
        json.put("makeUpWorkdays", makeUps(known.calendar().makeUpWorkdays()));
        return json;
    }

    static JsonObject deadline(Deadline d) {
        return new JsonObject()
                .put("from", d.from().toString())
                .put("days", d.workingDays())
                .put("deadline", d.date().toString())
                .put("deadlineWeekday", weekday(d.date()))
                .put("calendarDays", d.date().toEpochDay() - d.from().toEpochDay())
                .put("holidaysSkipped", periods(d.holidayPeriodsSkipped()))
                .put("holidayDaysSkipped", d.holidaysSkipped().size())
                .put("weekendDaysSkipped", d.weekendDaysSkipped())
                .put("makeUpWorkdaysCounted", makeUps(d.makeUpWorkdaysCounted()));
    }

    private static JsonArray periods(Iterable<HolidayPeriod> periods) {
        JsonArray array = new JsonArray();
        for (HolidayPeriod p : periods) {
            array.add(new JsonObject().put("name", p.name()).put("from", p.from().toString())
                    .put("to", p.to().toString()).put("days", p.days()));
        }
        return array;
    }

    private static JsonArray makeUps(Iterable<MakeUpWorkday> days) {
        JsonArray array = new JsonArray();
        for (MakeUpWorkday m : days) {
            array.add(new JsonObject().put("date", m.date().toString()).put("weekday", weekday(m.date()))
                    .put("holiday", m.holiday()));
        }
        return array;
    }

    private static String weekday(LocalDate date) {
        return date.getDayOfWeek().name();
    }
}
