package org.onedoor.core.internal.queue;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.Appointment;
import org.onedoor.api.queue.AppointmentBook;
import org.onedoor.api.queue.AppointmentRequest;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneStatus;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The appointment book on the store ({@link HallDatabase}). A slot's count is raised with a conditional
 * update, so a slot never takes more than its capacity, also with several nodes on one database. Check-in
 * issues the ticket with an idempotency key derived from the code before it marks the
 * appointment, so a check-in interrupted between the two issues the same ticket when retried.
 */
@Component(service = AppointmentBook.class, configurationPid = "org.onedoor.appointments",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AppointmentConfig.class)
public final class JdbcAppointmentBook implements AppointmentBook {

    private static final String COLUMNS = "code, zone_id, matter_code, hall_day, slot_start, booked_at, checked_in_at, ticket_id";
    private static final String BY_CODE = "SELECT " + COLUMNS + " FROM appointment WHERE code = :code";
    private static final String BY_KEY = "SELECT " + COLUMNS + " FROM appointment WHERE idempotency_key = :key";
    private static final int CODE_DIGITS = 8;

    /** An appointment row of {@link #COLUMNS}, by column name. */
    private static final RowMapper<Appointment> APPOINTMENT = (rs, ctx) -> new Appointment(rs.getString("code"), rs.getString("zone_id"),
            rs.getString("matter_code"), rs.getDate("hall_day").toLocalDate(), LocalTime.parse(rs.getString("slot_start")),
            rs.getTimestamp("booked_at").toInstant(), Optional.ofNullable(rs.getTimestamp("checked_in_at")).map(Timestamp::toInstant),
            rs.getString("ticket_id"));

    /** The seats taken in one slot of a zone's day, by its start (HH:mm). */
    private static final RowMapper<Map.Entry<String, Integer>> BOOKED = (rs, ctx) -> Map.entry(rs.getString("slot_start"),
            rs.getInt("booked"));

    private final HallDatabase database;
    private final ZoneDirectory zones;
    private final HallQueue queue;
    private final WorkingDayCalendar calendar;
    private final List<LocalTime> slots;
    private final int perSlot;
    private final int daysAhead;
    private final boolean workingDaysOnly;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatterCatalog catalog;

    @Activate
    public JdbcAppointmentBook(@Reference HallDatabase database, @Reference ZoneDirectory zones, @Reference HallQueue queue,
            @Reference WorkingDayCalendar calendar, @Reference HallClock hallClock, AppointmentConfig config) {
        this(database, zones, queue, calendar, config, hallClock.clock());
    }

    JdbcAppointmentBook(HallDatabase database, ZoneDirectory zones, HallQueue queue, WorkingDayCalendar calendar,
            AppointmentConfig config, Clock clock) {
        this.database = database;
        this.zones = zones;
        this.queue = queue;
        this.calendar = calendar;
        this.slots = parseSlots(config.slots());
        this.perSlot = Math.max(1, config.perSlot());
        this.daysAhead = Math.max(0, config.daysAhead());
        this.workingDaysOnly = config.workingDaysOnly();
        this.clock = clock;
    }

    static List<LocalTime> parseSlots(String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(LocalTime::parse)
                    .sorted().distinct().toList();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("appointment slots must be HH:mm times separated by commas, was '" + text + "'", e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- booking ------------------------------------------------------------------------

    @Override
    public Appointment book(AppointmentRequest r) {
        checkZone(r.zoneId());
        checkDay(r.day());
        if (r.slot() == null || !slots.contains(r.slot())) {
            throw QueueStore.invalid("invalid-slot", "the slots are " + slotText() + "; give one of them");
        }
        MatterCatalog c = catalog;
        if (!r.matterCode().isEmpty() && c != null && c.matter(r.matterCode()).isEmpty()) {
            throw QueueStore.invalid("unknown-matter", "no matter '" + r.matterCode() + "' is offered in the hall");
        }
        if (r.matterCode().length() > 16 || r.idempotencyKey().length() > 128) {
            throw QueueStore.invalid("invalid-appointment", "matter is at most 16 characters, Idempotency-Key at most 128");
        }
        return transaction(h -> {
            if (!r.idempotencyKey().isEmpty()) {
                Optional<Appointment> earlier = h.createQuery(BY_KEY).bind("key", r.idempotencyKey()).map(APPOINTMENT).findOne();
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (!takeSeat(h, r.zoneId(), r.day(), r.slot())) {
                throw QueueStore.conflict("slot-full", "the " + r.slot() + " slot of " + r.day() + " in zone " + r.zoneId()
                        + " is fully booked; choose another slot");
            }
            String code = freeCode(h);
            h.createUpdate("INSERT INTO appointment (" + COLUMNS + ", idempotency_key) VALUES (:code, :zone, :matter, :day, :slot,"
                    + " :bookedAt, NULL, '', :key)")
                    .bind("code", code).bind("zone", r.zoneId()).bind("matter", r.matterCode()).bind("day", r.day())
                    .bind("slot", r.slot().toString()).bind("bookedAt", now())
                    .bind("key", r.idempotencyKey().isEmpty() ? null : r.idempotencyKey()).execute();
            return byCode(h, code).orElseThrow();
        });
    }

    @Override
    public List<AppointmentSlot> slots(String zoneId, LocalDate day) {
        checkZone(zoneId);
        checkDay(day);
        Map<String, Integer> booked = read(h -> h.createQuery("SELECT slot_start, booked FROM appointment_slot"
                + " WHERE zone_id = :zone AND hall_day = :day").bind("zone", zoneId).bind("day", day).map(BOOKED).collectToMap(
                        Map.Entry::getKey, Map.Entry::getValue));
        List<AppointmentSlot> result = new ArrayList<>();
        for (LocalTime s : slots) {
            result.add(new AppointmentSlot(s, perSlot, booked.getOrDefault(s.toString(), 0)));
        }
        return result;
    }

    private void checkZone(String zoneId) {
        Optional<ZoneStatus> zone = zones.zone(zoneId);
        if (zone.isEmpty() || zone.get().descriptor().universal()) {
            throw QueueStore.notFound("unknown-zone", "no zone '" + zoneId + "' takes appointments in the hall");
        }
    }

    private void checkDay(LocalDate day) {
        LocalDate today = today();
        if (day == null || day.isBefore(today) || day.isAfter(today.plusDays(daysAhead))) {
            throw QueueStore.invalid("invalid-day", "appointments are for working days from " + today + " to "
                    + today.plusDays(daysAhead) + (day == null ? "" : ", not " + day));
        }
        if (!workingDaysOnly) {
            return;
        }
        boolean working;
        try {
            working = calendar.isWorkingDay(day);
        } catch (CalendarYearMissingException e) {
            throw QueueStore.invalid("invalid-day", "the hall's calendar of " + day.getYear() + " is not loaded yet; "
                    + "appointments for that year open when it is");
        }
        if (!working) {
            throw QueueStore.invalid("invalid-day", day + " is not a working day of the hall; choose a working day");
        }
    }

    private boolean takeSeat(Handle h, String zoneId, LocalDate day, LocalTime slot) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (h.createUpdate("UPDATE appointment_slot SET booked = booked + 1"
                    + " WHERE zone_id = :zone AND hall_day = :day AND slot_start = :slot AND booked < :cap")
                    .bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).bind("cap", perSlot).execute() == 1) {
                return true;
            }
            if (h.createUpdate("INSERT INTO appointment_slot (zone_id, hall_day, slot_start, booked) SELECT :zone, :day, :slot, 1"
                    + " WHERE NOT EXISTS (SELECT 1 FROM appointment_slot WHERE zone_id = :zone AND hall_day = :day AND slot_start = :slot)")
                    .bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).execute() == 1) {
                return true;
            }
            // the row exists: either full, or another node inserted it meanwhile (then the update is tried again)
        }
        return false;
    }

    private String freeCode(Handle h) {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder code = new StringBuilder(CODE_DIGITS);
            code.append(1 + random.nextInt(9)); // no leading zero: a code reads the same as a number
            for (int i = 1; i < CODE_DIGITS; i++) {
                code.append(random.nextInt(10));
            }
            if (byCode(h, code.toString()).isEmpty()) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free appointment code found; the book is nearly full");
    }

    // ---- check-in -----------------------------------------------------------------------

    @Override
    public CheckedIn checkIn(String code) {
        String c = code == null ? "" : code.trim();
        Appointment a = (c.matches("\\d{" + CODE_DIGITS + "}") ? read(h -> byCode(h, c)) : Optional.<Appointment>empty())
                .orElseThrow(() -> QueueStore.notFound("unknown-appointment", "no appointment has the code '" + c
                        + "'; check the " + CODE_DIGITS + " digits of the booking"));
        if (a.checkedIn()) {
            String number = queue.ticket(a.ticketId()).map(t -> t.number()).orElse("");
            throw QueueStore.conflict("appointment-used", "appointment " + c + " was checked in at " + a.checkedInAt().get()
                    + (number.isEmpty() ? "" : " and got ticket " + number) + "; it cannot be used again");
        }
        LocalDate today = today();
        if (!a.day().equals(today)) {
            throw QueueStore.conflict("appointment-not-today", "appointment " + c + " is for " + a.day() + " at " + a.slot()
                    + ", not today (" + today + "); come on that day");
        }
        IssuedTicket ticket = queue.issue(new TicketRequest(a.zoneId(), "", a.matterCode(), TicketPriority.APPOINTMENT, "",
                a.code(), "appointment-" + a.code()));
        Appointment checkedIn = transaction(h -> {
            h.createUpdate("UPDATE appointment SET checked_in_at = :at, ticket_id = :ticket WHERE code = :code AND checked_in_at IS NULL")
                    .bind("at", now()).bind("ticket", ticket.ticket().id()).bind("code", a.code())
                    .execute(); // 0 rows: a concurrent check-in of the same code marked it with the same ticket
            return byCode(h, a.code()).orElseThrow();
        });
        return new CheckedIn(checkedIn, ticket);
    }

    // ---- rows ---------------------------------------------------------------------------

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String slotText() {
        return String.join(", ", slots.stream().map(LocalTime::toString).toList());
    }

    private static Optional<Appointment> byCode(Handle h, String code) {
        return h.createQuery(BY_CODE).bind("code", code).map(APPOINTMENT).findOne();
    }

    /** Runs the work in one transaction of the hall's database (run again when it collided on a unique key). */
    private <T> T transaction(HallDatabase.Work<T> work) {
        try {
            return database.inTransaction(work);
        } catch (IllegalStateException e) {
            throw failed(e);
        }
    }

    private <T> T read(HallDatabase.Work<T> work) {
        try {
            return database.withHandle(work);
        } catch (IllegalStateException e) {
            throw failed(e);
        }
    }

    /** A store failure (its cause an SQLException) with the message the appointment book always gave; others pass unchanged. */
    private static IllegalStateException failed(IllegalStateException e) {
        return e.getCause() instanceof SQLException sql
                ? new IllegalStateException("the appointment book could not be used: " + sql.getMessage(), sql) : e;
    }
}
