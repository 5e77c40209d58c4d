package org.onedoor.core.internal.supervision;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.hall.HallClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AlertKind#CALENDAR_YEAR_MISSING}: from {@link #FROM} on, while the working-day calendar does not know next year.
 * Time limits are never counted on a guessed year, so once a case's, a booking's or a report's count reaches into the
 * unknown year it is refused; the alert gives the operator the weeks in between to load the year (the State Council's
 * notice has come out in November or early December). One alert for the whole hall, listed for every unit too, as
 * every unit's cases are refused alike.
 */
@Component(service = AlertSource.class)
public final class CalendarAlerts implements AlertSource {

    /** From this day of a year on, next year must be known. */
    static final MonthDay FROM = MonthDay.of(11, 1);

    private final WorkingDayCalendar calendar;
    private final HallClock clock;

    @Activate
    public CalendarAlerts(@Reference WorkingDayCalendar calendar, @Reference HallClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public List<SupervisionAlert> alerts(String departmentId) {
        LocalDate today = clock.today();
        int next = today.getYear() + 1;
        if (MonthDay.from(today).isBefore(FROM) || calendar.year(next).isPresent()) {
            return List.of();
        }
        LocalDate since = FROM.atYear(today.getYear());
        return List.of(new SupervisionAlert(AlertKind.CALENDAR_YEAR_MISSING, "", String.valueOf(next),
                "工作日历尚未载入 " + next + " 年：截止日、预约或报表计算到 " + next + " 年的办件将被拒绝（calendar-year-missing）。"
                        + "请在国务院办公厅发布 " + next + " 年节假日安排后载入（onedoor:calendar-load 或 PUT /api/v1/calendar/years/" + next + "）"
                        + " / The calendar lacks " + next + ": load the year once the State Council's holiday notice is out",
                since.atStartOfDay(clock.zone()).toInstant()));
    }
}
