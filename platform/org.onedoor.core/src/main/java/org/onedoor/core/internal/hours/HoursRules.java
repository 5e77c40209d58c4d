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
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OpenPeriod;

/**
 * The office-hours rules as plain values: which periods a zone of a hall is open on a day (working
 * days of the calendar, summer or winter hours, a hall's own hours, a zone's own hours) and the
 * status at an instant. Parsed from the configuration; a value that cannot be read fails with the
 * key and what to write.
 *
 * <p>The default hall's hours are {@code hours}, {@code summerHours} and {@code zone.<id>.hours}.
 * Another hall takes {@code hall.<hall>.hours} (with {@code hall.<hall>.summerHours}; a hall with
 * hours of its own and no summer hours keeps them all year) and {@code hall.<hall>.zone.<id>.hours};
 * a hall without hours of its own keeps the default hall's hall-wide hours, never the default hall's
 * zone hours (its zones are other zones, even under the same id). The season's dates, the last
 * ticket minutes, the working-days rule and enforcement are the same for every hall.
 */
final class HoursRules {

    /** A hall's hours: its hall-wide periods (winter and summer) and its zones' own periods. */
    private record HallHours(List<OpenPeriod> hours, List<OpenPeriod> summerHours, Map<String, List<OpenPeriod>> zoneHours) {
    }


    /** How far ahead the next opening is looked for (a long holiday is 8 days). */
    static final int LOOK_AHEAD_DAYS = 60;
    private static final String FILE = "etc/org.onedoor.hours.cfg";

    private final boolean enforced;
    private final HallHours defaultHall;
    private final Map<String, HallHours> halls;
    private final MonthDay summerFrom;
    private final MonthDay summerTo;
    private final int lastTicketMinutes;
    private final boolean workingDaysOnly;

    private HoursRules(boolean enforced, HallHours defaultHall, Map<String, HallHours> halls, MonthDay summerFrom,
            MonthDay summerTo, int lastTicketMinutes, boolean workingDaysOnly) {
        this.enforced = enforced;
        this.defaultHall = defaultHall;
        this.halls = halls;
        this.summerFrom = summerFrom;
        this.summerTo = summerTo;
        this.lastTicketMinutes = lastTicketMinutes;
        this.workingDaysOnly = workingDaysOnly;
    }

    /**
     * @param config     the typed configuration
     * @param properties all properties of the pid, for the {@code zone.<id>.hours} and {@code hall.<hall>.…} keys
     */
    static HoursRules of(HoursConfig config, Map<String, ?> properties) {
        if (config.lastTicketMinutes() < 0 || config.lastTicketMinutes() > 120) {
            throw new IllegalArgumentException(FILE + ": lastTicketMinutes must be 0..120, was " + config.lastTicketMinutes());
        }
        String summer = config.summerHours().strip();
        HallHours defaults = new HallHours(periods("hours", config.hours()), summer.isEmpty() ? List.of() : periods("summerHours", summer),
                zoneHours("", properties));
        Map<String, HallHours> halls = new TreeMap<>();
        for (String key : properties.keySet()) {
            if (!key.startsWith("hall.")) {
                continue;
            }
            int dot = key.indexOf('.', "hall.".length());
            String hall = dot < 0 ? "" : key.substring("hall.".length(), dot);
            String rest = dot < 0 ? "" : key.substring(dot + 1);
            if (!hall.matches("[a-z0-9][a-z0-9-]{0,31}") || !(rest.equals("hours") || rest.equals("summerHours")
                    || rest.startsWith("zone.") && rest.endsWith(".hours") && rest.length() > "zone..hours".length())) {
                throw new IllegalArgumentException(FILE + ": " + key + " is not a key of a hall's hours; write hall.<hall>.hours,"
                        + " hall.<hall>.summerHours or hall.<hall>.zone.<zone>.hours");
            }
            if (Hall.DEFAULT_ID.equals(hall)) {
                throw new IllegalArgumentException(FILE + ": " + key + " names the default hall, whose hours are hours, summerHours"
                        + " and zone.<zone>.hours");
            }
            halls.computeIfAbsent(hall, h -> hallHours(h, properties, defaults));
        }
        return new HoursRules(config.enforced(), defaults, Map.copyOf(halls),
                monthDay("summerFrom", config.summerFrom()), monthDay("summerTo", config.summerTo()),
                config.lastTicketMinutes(), config.workingDaysOnly());
    }

    /** @return the zones' own hours under the prefix ({@code ""} for the default hall, {@code hall.<id>.} for another) */
    private static Map<String, List<OpenPeriod>> zoneHours(String prefix, Map<String, ?> properties) {
        Map<String, List<OpenPeriod>> zones = new TreeMap<>();
        String start = prefix + "zone.";
        properties.forEach((key, value) -> {
            if (key.startsWith(start) && key.endsWith(".hours") && key.length() > (start + ".hours").length()) {
                zones.put(key.substring(start.length(), key.length() - ".hours".length()), periods(key, String.valueOf(value)));
            }
        });
        return Map.copyOf(zones);
    }

    private static HallHours hallHours(String hall, Map<String, ?> properties, HallHours defaults) {
        String prefix = "hall." + hall + ".";
        Object own = properties.get(prefix + "hours");
        Object summer = properties.get(prefix + "summerHours");
        List<OpenPeriod> hours = own == null ? defaults.hours() : periods(prefix + "hours", String.valueOf(own));
        List<OpenPeriod> summerHours = summer != null ? (String.valueOf(summer).isBlank() ? List.of() : periods(prefix + "summerHours",
                String.valueOf(summer))) : own == null ? defaults.summerHours() : List.of();
        return new HallHours(hours, summerHours, zoneHours(prefix, properties));
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

    /** @return the hall's hours: its own, or (a hall the file does not name) the default hall's hall-wide ones */
    private HallHours of(String hallId) {
        if (Hall.DEFAULT_ID.equals(hallId)) {
            return defaultHall;
        }
        HallHours own = halls.get(hallId);
        return own != null ? own : new HallHours(defaultHall.hours(), defaultHall.summerHours(), Map.of());
    }

    /** @return the default hall's zone's open periods on {@code day}, by the season; empty when the day is closed */
    List<OpenPeriod> periods(String zoneId, LocalDate day, Predicate<LocalDate> workingDay) {
        return periods(Hall.DEFAULT_ID, zoneId, day, workingDay);
    }

    /** @return the hall's zone's open periods on {@code day}, by the season; empty when the day is closed */
    List<OpenPeriod> periods(String hallId, String zoneId, LocalDate day, Predicate<LocalDate> workingDay) {
        if (workingDaysOnly && !workingDay.test(day)) {
            return List.of();
        }
        HallHours hall = of(hallId);
        List<OpenPeriod> zone = hall.zoneHours().get(zoneId);
        if (zone != null) {
            return zone;
        }
        return !hall.summerHours().isEmpty() && inSummer(MonthDay.from(day)) ? hall.summerHours() : hall.hours();
    }

    private boolean inSummer(MonthDay d) {
        return summerFrom.isAfter(summerTo)
                ? !d.isBefore(summerFrom) || !d.isAfter(summerTo) // a season over the new year
                : !d.isBefore(summerFrom) && !d.isAfter(summerTo);
    }

    /** @return the status of the default hall's zone at {@code at} in the hall's time zone */
    HoursStatus status(String zoneId, Instant at, ZoneId hallZone, Predicate<LocalDate> workingDay) {
        return status(Hall.DEFAULT_ID, zoneId, at, hallZone, workingDay);
    }

    /** @return the status of the hall's zone at {@code at} in the hall's time zone */
    HoursStatus status(String hallId, String zoneId, Instant at, ZoneId hallZone, Predicate<LocalDate> workingDay) {
        LocalDateTime local = LocalDateTime.ofInstant(at, hallZone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        List<OpenPeriod> today = periods(hallId, zoneId, day, workingDay);
        for (OpenPeriod p : today) {
            LocalTime lastTicket = lastTicket(p);
            if (!time.isBefore(p.opens()) && time.isBefore(lastTicket)) {
                return new HoursStatus(zoneId, enforced, true, today, Optional.of(ZonedDateTime.of(day, lastTicket, hallZone)),
                        Optional.empty());
            }
        }
        return new HoursStatus(zoneId, enforced, false, today, Optional.empty(),
                nextOpening(hallId, zoneId, day, time, hallZone, workingDay));
    }

    private Optional<ZonedDateTime> nextOpening(String hallId, String zoneId, LocalDate day, LocalTime time, ZoneId hallZone,
            Predicate<LocalDate> workingDay) {
        for (OpenPeriod p : periods(hallId, zoneId, day, workingDay)) {
            if (p.opens().isAfter(time) && lastTicket(p).isAfter(p.opens())) {
                return Optional.of(ZonedDateTime.of(day, p.opens(), hallZone));
            }
        }
        for (int i = 1; i <= LOOK_AHEAD_DAYS; i++) {
            LocalDate d = day.plusDays(i);
            for (OpenPeriod p : periods(hallId, zoneId, d, workingDay)) {
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
