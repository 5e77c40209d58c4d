package org.onedoor.core.internal.queue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.WorkingDayCalendar;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The appointment book on the store. A slot's count is raised with a conditional update, so a
 * slot never takes more than its capacity, also with several nodes on one database. Check-in
 * issues the ticket with an idempotency key derived from the code before it marks the
 * appointment, so a check-in interrupted between the two issues the same ticket when retried.
 */
@Component(service = AppointmentBook.class, configurationPid = "org.onedoor.appointments",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AppointmentConfig.class)
public final class JdbcAppointmentBook implements AppointmentBook {

    private static final String COLUMNS = "code, zone_id, matter_code, hall_day, slot_start, booked_at, checked_in_at, ticket_id";
    private static final int CODE_DIGITS = 8;

    private final DataSource dataSource;
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
    public JdbcAppointmentBook(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource,
            @Reference ZoneDirectory zones, @Reference HallQueue queue, @Reference WorkingDayCalendar calendar,
            AppointmentConfig config) {
        this(dataSource, zones, queue, calendar, config, Clock.system(HallQueueService.HALL_ZONE));
    }

    JdbcAppointmentBook(DataSource dataSource, ZoneDirectory zones, HallQueue queue, WorkingDayCalendar calendar,
            AppointmentConfig config, Clock clock) {
        this.dataSource = dataSource;
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
        return LocalDate.now(clock.withZone(HallQueueService.HALL_ZONE));
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
        return transaction(conn -> {
            if (!r.idempotencyKey().isEmpty()) {
                Optional<Appointment> earlier = one(conn, "WHERE idempotency_key = ?", r.idempotencyKey());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (!takeSeat(conn, r.zoneId(), r.day(), r.slot())) {
                throw QueueStore.conflict("slot-full", "the " + r.slot() + " slot of " + r.day() + " in zone " + r.zoneId()
                        + " is fully booked; choose another slot");
            }
            String code = freeCode(conn);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO appointment (" + COLUMNS + ", idempotency_key) "
                    + "VALUES (?, ?, ?, ?, ?, ?, NULL, '', ?)")) {
                ps.setString(1, code);
                ps.setString(2, r.zoneId());
                ps.setString(3, r.matterCode());
                ps.setDate(4, Date.valueOf(r.day()));
                ps.setString(5, r.slot().toString());
                ps.setTimestamp(6, Timestamp.from(now()));
                ps.setString(7, r.idempotencyKey().isEmpty() ? null : r.idempotencyKey());
                ps.executeUpdate();
            }
            return one(conn, "WHERE code = ?", code).orElseThrow();
        });
    }

    @Override
    public List<AppointmentSlot> slots(String zoneId, LocalDate day) {
        checkZone(zoneId);
        checkDay(day);
        return transaction(conn -> {
            Map<String, Integer> booked = new HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT slot_start, booked FROM appointment_slot WHERE zone_id = ? AND hall_day = ?")) {
                ps.setString(1, zoneId);
                ps.setDate(2, Date.valueOf(day));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        booked.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            List<AppointmentSlot> result = new ArrayList<>();
            for (LocalTime s : slots) {
                result.add(new AppointmentSlot(s, perSlot, booked.getOrDefault(s.toString(), 0)));
            }
            return result;
        });
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

    private boolean takeSeat(Connection conn, String zoneId, LocalDate day, LocalTime slot) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement up = conn.prepareStatement("UPDATE appointment_slot SET booked = booked + 1 "
                    + "WHERE zone_id = ? AND hall_day = ? AND slot_start = ? AND booked < ?")) {
                up.setString(1, zoneId);
                up.setDate(2, Date.valueOf(day));
                up.setString(3, slot.toString());
                up.setInt(4, perSlot);
                if (up.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ins = conn.prepareStatement("INSERT INTO appointment_slot (zone_id, hall_day, slot_start, booked) "
                    + "SELECT ?, ?, ?, 1 WHERE NOT EXISTS (SELECT 1 FROM appointment_slot WHERE zone_id = ? AND hall_day = ? AND slot_start = ?)")) {
                ins.setString(1, zoneId);
                ins.setDate(2, Date.valueOf(day));
                ins.setString(3, slot.toString());
                ins.setString(4, zoneId);
                ins.setDate(5, Date.valueOf(day));
                ins.setString(6, slot.toString());
                if (ins.executeUpdate() == 1) {
                    return true;
                }
            }
            // the row exists: either full, or another node inserted it meanwhile (then the update is tried again)
        }
        return false;
    }

    private String freeCode(Connection conn) throws SQLException {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder code = new StringBuilder(CODE_DIGITS);
            code.append(1 + random.nextInt(9)); // no leading zero: a code reads the same as a number
            for (int i = 1; i < CODE_DIGITS; i++) {
                code.append(random.nextInt(10));
            }
            if (one(conn, "WHERE code = ?", code.toString()).isEmpty()) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free appointment code found; the book is nearly full");
    }

    // ---- check-in -----------------------------------------------------------------------

    @Override
    public CheckedIn checkIn(String code) {
        String c = code == null ? "" : code.trim();
        Appointment a = (c.matches("\\d{" + CODE_DIGITS + "}") ? transaction(conn -> one(conn, "WHERE code = ?", c)) : Optional.<Appointment>empty())
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
        Appointment checkedIn = transaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE appointment SET checked_in_at = ?, ticket_id = ? "
                    + "WHERE code = ? AND checked_in_at IS NULL")) {
                ps.setTimestamp(1, Timestamp.from(now()));
                ps.setString(2, ticket.ticket().id());
                ps.setString(3, a.code());
                ps.executeUpdate(); // 0 rows: a concurrent check-in of the same code marked it with the same ticket
            }
            return one(conn, "WHERE code = ?", a.code()).orElseThrow();
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

    /** Work in one transaction. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the appointment book could not be used: " + e.getMessage(), e);
        }
    }

    private static Optional<Appointment> one(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM appointment " + where)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp checkedIn = rs.getTimestamp(7);
                return Optional.of(new Appointment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        LocalTime.parse(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                        Optional.ofNullable(checkedIn).map(Timestamp::toInstant), rs.getString(8)));
            }
        }
    }
}
