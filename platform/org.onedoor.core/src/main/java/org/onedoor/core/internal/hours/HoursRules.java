package org.onedoor.core.internal.hours;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OpenPeriod;

/**
 * The office-hours rules as plain values: which periods a zone is open on a day (working days of
 * the calendar, summer or winter hours, a zone's own hours) and the status at an instant. Parsed
 * from the configuration; a value that cannot be read fails with the key and what to write.
 */
final class HoursRules {

    /** How far ahead the next opening is looked for (a long holiday is 8 days). */
    static final int LOOK_AHEAD_DAYS = 60;
    private static final String FILE = "etc/org.onedoor.hours.cfg";

    private final boolean enforced;
    private final List<OpenPeriod> hours;
    private final List<OpenPeriod> summerHours;
    private final MonthDay summerFrom;
    private final MonthDay summerTo;
    private final int lastTicketMinutes;
    private final boolean workingDaysOnly;
    private final Map<String, List<OpenPeriod>> zoneHours;

    private HoursRules(boolean enforced, List<OpenPeriod> hours, List<OpenPeriod> summerHours, MonthDay summerFrom,
            MonthDay summerTo, int lastTicketMinutes, boolean workingDaysOnly, Map<String, List<OpenPeriod>> zoneHours) {
        this.enforced = enforced;
        this.hours = hours;
        this.summerHours = summerHours;
        this.summerFrom = summerFrom;
        this.summerTo = summerTo;
        this.lastTicketMinutes = lastTicketMinutes;
        this.workingDaysOnly = workingDaysOnly;
        this.zoneHours = zoneHours;
    }

    /**
     * @param config     the typed configuration
     * @param properties all properties of the pid, for the {@code zone.<id>.hours} keys
     */
    static HoursRules of(HoursConfig config, Map<String, ?> properties) {
        if (config.lastTicketMinutes() < 0 || config.lastTicketMinutes() > 120) {
            throw new IllegalArgumentException(FILE + ": lastTicketMinutes must be 0..120, was " + config.lastTicketMinutes());
        }
        Map<String, List<OpenPeriod>> zones = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("zone.") && key.endsWith(".hours") && key.length() > "zone..hours".length()) {
                zones.put(key.substring("zone.".length(), key.length() - ".hours".length()), periods(key, String.valueOf(value)));
            }
        });
        String summer = config.summerHours().strip();
        return new HoursRules(config.enforced(), periods("hours", config.hours()),
                summer.isEmpty() ? List.of() : periods("summerHours", summer),
                monthDay("summerFrom", config.summerFrom()), monthDay("summerTo", config.summerTo()),
                config.lastTicketMinutes(), config.workingDaysOnly(), zones);
    }

    /** Parses {@code 08:00-12:00,14:30-17:30} (24:00 closes at midnight); empty means closed. */
    static List<OpenPeriod> periods(String key, String text) {
        List<OpenPeriod> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] ends = p.split("-", -1);
            try {
                if (ends.length != 2) {
                    throw new DateTimeException("not a range");
                }
                LocalTime closes = "24:00".equals(ends[1].strip()) ? LocalTime.MAX : LocalTime.parse(ends[1].strip());
                periods.add(new OpenPeriod(LocalTime.parse(ends[0].strip()), closes));
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + ": " + key + " has '" + p
                        + "', write open periods as HH:mm-HH:mm separated by commas, e.g. 08:00-12:00,14:30-17:30", e);
            }
        }
        periods.sort(Comparator.comparing(OpenPeriod::opens));
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).opens().isBefore(periods.get(i - 1).closes())) {
                throw new IllegalArgumentException(FILE + ": " + key + " has overlapping periods " + periods.get(i - 1)
                        + " and " + periods.get(i));
            }
        }
        return List.copyOf(periods);
    }

    private static MonthDay monthDay(String key, String text) {
        try {
            return MonthDay.parse("--" + text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(FILE + ": " + key + " is '" + text + "', write MM-dd such as 05-01", e);
        }
    }

    boolean enforced() {
        return enforced;
    }

    /** @return the zone's open periods on {@code day}, by the season; empty when the day is closed */
    List<OpenPeriod> periods(String zoneId, LocalDate day, Predicate<LocalDate> workingDay) {
        if (workingDaysOnly && !workingDay.test(day)) {
            return List.of();
        }
        List<OpenPeriod> zone = zoneHours.get(zoneId);
        if (zone != null) {
            return zone;
        }
        return !summerHours.isEmpty() && inSummer(MonthDay.from(day)) ? summerHours : hours;
    }

    private boolean inSummer(MonthDay d) {
        return summerFrom.isAfter(summerTo)
                ? !d.isBefore(summerFrom) || !d.isAfter(summerTo) // a season over the new year
                : !d.isBefore(summerFrom) && !d.isAfter(summerTo);
    }

    /** @return the status of the zone at {@code at} in the hall's time zone */
    HoursStatus status(String zoneId, Instant at, ZoneId hallZone, Predicate<LocalDate> workingDay) {
        LocalDateTime local = LocalDateTime.ofInstant(at, hallZone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        List<OpenPeriod> today = periods(zoneId, day, workingDay);
        for (OpenPeriod p : today) {
            LocalTime lastTicket = lastTicket(p);
            if (!time.isBefore(p.opens()) && time.isBefore(lastTicket)) {
                return new HoursStatus(zoneId, enforced, true, today, Optional.of(ZonedDateTime.of(day, lastTicket, hallZone)),
                        Optional.empty());
            }
        }
        return new HoursStatus(zoneId, enforced, false, today, Optional.empty(), nextOpening(zoneId, day, time, hallZone, workingDay));
    }

    private Optional<ZonedDateTime> nextOpening(String zoneId, LocalDate day, LocalTime time, ZoneId hallZone,
            Predicate<LocalDate> workingDay) {
        for (OpenPeriod p : periods(zoneId, day, workingDay)) {
            if (p.opens().isAfter(time) && lastTicket(p).isAfter(p.opens())) {
                return Optional.of(ZonedDateTime.of(day, p.opens(), hallZone));
            }
        }
        for (int i = 1; i <= LOOK_AHEAD_DAYS; i++) {
            LocalDate d = day.plusDays(i);
            for (OpenPeriod p : periods(zoneId, d, workingDay)) {
                if (lastTicket(p).isAfter(p.opens())) {
                    return Optional.of(ZonedDateTime.of(d, p.opens(), hallZone));
                }
            }
        }
        return Optional.empty();
    }

    /** @return when ticket issuing stops in {@code p} */
    private LocalTime lastTicket(OpenPeriod p) {
        LocalTime last = p.closes().minusMinutes(lastTicketMinutes);
        return last.isAfter(p.closes()) || last.isBefore(p.opens()) ? p.opens() : last;
    }
}
