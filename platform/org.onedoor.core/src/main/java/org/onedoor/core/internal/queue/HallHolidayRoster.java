package org.onedoor.core.internal.queue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.Holiday;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.queue.HolidayRoster;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The hall's holiday roster (R14) read from {@code etc/org.onedoor.holidays.cfg}: the served days
 * with their zones, departments and windows, the slots of a served day and the booking rule's
 * number of working days. A bad entry refuses the configuration naming it.
 */
@Component(service = {HolidayRoster.class, HallHolidayRoster.class}, configurationPid = "org.onedoor.holidays",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HolidayConfig.class)
public final class HallHolidayRoster implements HolidayRoster {

    private final List<Entry> entries;
    private final List<LocalTime> slots;
    private final int perSlot;
    private final int minWorkingDaysBefore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WorkingDayCalendar calendar;

    private record Entry(LocalDate day, List<String> zones, List<String> departments, List<Integer> windows) {
    }

    @Activate
    public HallHolidayRoster(HolidayConfig config) {
        if (config.minWorkingDaysBefore() < 0 || config.minWorkingDaysBefore() > 30 || config.perSlot() < 1 || config.perSlot() > 100) {
            throw new IllegalArgumentException("etc/org.onedoor.holidays.cfg: minWorkingDaysBefore 0..30, perSlot 1..100");
        }
        this.minWorkingDaysBefore = config.minWorkingDaysBefore();
        this.perSlot = config.perSlot();
        this.slots = parseSlots(config.slots());
        this.entries = parseDays(config.days());
    }

    private static List<LocalTime> parseSlots(String text) {
        List<LocalTime> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                try {
                    out.add(LocalTime.parse(s.strip()));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("etc/org.onedoor.holidays.cfg: slots: '" + s.strip() + "' is not HH:mm", e);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Entry> parseDays(String text) {
        List<Entry> out = new ArrayList<>();
        for (String item : text.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            String[] f = item.strip().split("\\|", -1);
            String where = "etc/org.onedoor.holidays.cfg: days: '" + item.strip() + "': ";
            if (f.length < 2 || f.length > 4) {
                throw new IllegalArgumentException(where + "write day|zones|departments|windows");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(f[0].strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(where + "the day must be like 2026-10-02", e);
            }
            List<String> zones = list(f[1]);
            if (zones.isEmpty()) {
                throw new IllegalArgumentException(where + "name at least one zone");
            }
            List<Integer> windows = new ArrayList<>();
            for (String w : f.length > 3 ? list(f[3]) : List.<String>of()) {
                try {
                    windows.add(Integer.parseInt(w));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "window '" + w + "' is not a number", e);
                }
            }
            if (out.stream().anyMatch(e -> e.day.equals(day))) {
                throw new IllegalArgumentException(where + day + " is listed twice");
            }
            out.add(new Entry(day, zones, f.length > 2 ? list(f[2]) : List.of(), windows));
        }
        out.sort((a, b) -> a.day.compareTo(b.day));
        return List.copyOf(out);
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public List<ServedDay> days() {
        return entries.stream().map(e -> new ServedDay(e.day, holiday(e.day).map(Holiday::name).orElse(""), e.zones, e.departments,
                e.windows)).toList();
    }

    @Override
    public int minWorkingDaysBefore() {
        return minWorkingDaysBefore;
    }

    /** @return the slots of a served holiday */
    List<LocalTime> slots() {
        return slots;
    }

    int perSlot() {
        return perSlot;
    }

    /**
     * @return the calendar's public holiday of that day, if it is one
     * @throws CalendarYearMissingException if the calendar does not know the year
     */
    Optional<Holiday> holiday(LocalDate day) {
        WorkingDayCalendar c = calendar;
        if (c == null) {
            return Optional.empty();
        }
        return c.year(day.getYear()).flatMap(y -> y.calendar().holidays().stream().filter(h -> h.date().equals(day)).findFirst());
    }

    /** @return the working days after {@code today} up to and including {@code day}, by the calendar */
    int workingDaysBefore(LocalDate today, LocalDate day) {
        WorkingDayCalendar c = calendar;
        if (c == null) {
            throw new IllegalStateException("the working-day calendar is not available");
        }
        return c.workingDaysBetween(today, day);
    }
}
