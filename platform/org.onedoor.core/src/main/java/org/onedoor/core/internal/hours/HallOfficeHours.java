package org.onedoor.core.internal.hours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The halls' office hours (pid {@code org.onedoor.hours}; another hall's under {@code hall.<id>.…}), on the working days of the hall's
 * calendar. A year the calendar does not know counts Monday to Friday as working days, with one
 * warning per year, so that a missing calendar file does not close the hall.
 */
@Component(service = OfficeHours.class, configurationPid = "org.onedoor.hours", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HoursConfig.class)
public final class HallOfficeHours implements OfficeHours {

    private static final Logger LOG = LoggerFactory.getLogger(HallOfficeHours.class);

    private final WorkingDayCalendar calendar;
    private final HallClock clock;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile HoursRules rules;

    @Activate
    public HallOfficeHours(@Reference WorkingDayCalendar calendar, @Reference HallClock clock, HoursConfig config,
            Map<String, Object> properties) {
        this.calendar = calendar;
        this.clock = clock;
        this.rules = HoursRules.of(config, properties);
        LOG.info("OneDoor office hours: {}", describe(config));
    }

    /** A changed etc/org.onedoor.hours.cfg applies at once, without restarting the component. */
    @Modified
    void modified(HoursConfig config, Map<String, Object> properties) {
        rules = HoursRules.of(config, properties);
        LOG.info("OneDoor office hours changed: {}", describe(config));
    }

    @Override
    public HoursStatus status(String hallId, String zoneId, Instant at) {
        return rules.status(hallId, zoneId, at, clock.zone(), this::isWorkingDay);
    }

    @Override
    public HoursStatus now(String hallId, String zoneId) {
        return status(hallId, zoneId, clock.now());
    }

    private boolean isWorkingDay(LocalDate day) {
        try {
            return calendar.isWorkingDay(day);
        } catch (CalendarYearMissingException e) {
            if (warnedYears.add(day.getYear())) {
                LOG.warn("OneDoor office hours: the calendar has no year {}; Monday to Friday count as working days until it is "
                        + "loaded (onedoor:calendar-load)", day.getYear());
            }
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
    }

    private static String describe(HoursConfig c) {
        return c.enforced()
                ? "tickets " + c.hours() + (c.summerHours().isBlank() ? "" : " (" + c.summerFrom() + " to " + c.summerTo() + ": "
                        + c.summerHours() + ")") + (c.workingDaysOnly() ? " on working days" : " every day")
                : "not enforced, tickets at any time";
    }
}
