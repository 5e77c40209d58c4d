package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.OutsideOfficeHoursException;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.core.internal.hours.HoursMessages;

/**
 * Issuing tickets: the request is checked (green-channel reason, appointment id, matter offered),
 * the ticket gets its zone's next number of the hall day and is stored, under the zone's lock,
 * before it is acknowledged; a repeated request with the same idempotency key gets the ticket back.
 */
final class TicketIssuing {

    private final QueueStore store;
    private final QueueChanges changes;
    private final HallWindows windows;
    private final QueueReads reads;
    private final Set<String> greenChannel;
    private final Supplier<MatterCatalog> catalog;
    private final Supplier<OfficeHours> hours;

    TicketIssuing(QueueStore store, QueueChanges changes, HallWindows windows, QueueReads reads, Set<String> greenChannel,
            Supplier<MatterCatalog> catalog, Supplier<OfficeHours> hours) {
        this.store = store;
        this.changes = changes;
        this.windows = windows;
        this.reads = reads;
        this.greenChannel = greenChannel;
        this.catalog = catalog;
        this.hours = hours;
    }

    IssuedTicket issue(TicketRequest r) {
        ZoneDescriptor zone = windows.openZone(r.zoneId());
        check(r);
        LocalDate day = store.today();
        boolean[] replayed = {false};
        Ticket ticket = changes.change(List.of(zone.id()), (c, events) -> {
            if (!r.idempotencyKey().isEmpty()) {
                Optional<Ticket> earlier = Rows.one(c, store.hallId(), "WHERE idempotency_key = ?", r.idempotencyKey());
                if (earlier.isPresent()) {
                    replayed[0] = true;
                    return earlier.get();
                }
                if (Rows.one(c, "WHERE idempotency_key = ?", r.idempotencyKey()).isPresent()) {
                    throw QueueStore.conflict("idempotency-key-reused", "幂等键已用于另一大厅的取号 / the Idempotency-Key was used "
                            + "for a ticket of another hall; send a new key");
                }
            }
            refuseOutsideHours(zone.id(), r.priority());
            int seq = nextNumber(c, store.hallId(), zone.id(), day);
            String number = TicketNumbers.format(zone.letter(), seq);
            String id = UUID.randomUUID().toString();
            QueueEvent issued = events.emit("ISSUED", zone.id(), number, id, 0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (id, ticket_no, zone_id, issued_zone_id, hall_day, seq, "
                    + "priority, priority_class, green_reason, appointment_id, category, matter_code, queue_pos, status, window_no, "
                    + "for_window, no_shows, issued_at, idempotency_key, hall_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', 0, 0, 0, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, number);
                ps.setString(3, zone.id());
                ps.setString(4, zone.id());
                ps.setDate(5, Date.valueOf(day));
                ps.setInt(6, seq);
                ps.setString(7, r.priority().name());
                ps.setInt(8, r.priority().ordinal());
                ps.setString(9, r.priority() == TicketPriority.GREEN ? r.greenReason().toUpperCase(Locale.ROOT) : "");
                ps.setString(10, r.priority() == TicketPriority.APPOINTMENT ? r.appointmentId() : "");
                ps.setString(11, r.category());
                ps.setString(12, r.matterCode());
                ps.setLong(13, issued.seq());
                ps.setTimestamp(14, Timestamp.from(events.at()));
                ps.setString(15, r.idempotencyKey().isEmpty() ? null : r.idempotencyKey());
                ps.setString(16, store.hallId());
                ps.executeUpdate();
            }
            return Rows.one(c, "WHERE id = ?", id).orElseThrow();
        });
        WaitingInfo waiting = reads.waiting(ticket.id()).orElse(new WaitingInfo(0, 0));
        return new IssuedTicket(ticket, waiting, replayed[0]);
    }

    private void check(TicketRequest r) {
        if (r.priority() == TicketPriority.GREEN && !greenChannel.contains(r.greenReason().toUpperCase(Locale.ROOT))) {
            throw QueueStore.invalid("invalid-green-reason", "the green channel serves " + greenChannel.stream().sorted().toList()
                    + "; give one of them as the reason");
        }
        if (r.priority() == TicketPriority.APPOINTMENT && !r.appointmentId().matches("[A-Za-z0-9-]{4,64}")) {
            throw QueueStore.invalid("invalid-appointment", "an appointment ticket needs the appointment id (4-64 letters, digits or '-')");
        }
        if (r.category().length() > 64 || r.idempotencyKey().length() > 128) {
            throw QueueStore.invalid("invalid-ticket-request", "category is at most 64 characters, Idempotency-Key at most 128");
        }
        MatterCatalog c = catalog.get();
        if (!r.matterCode().isEmpty() && c != null && c.matter(r.matterCode()).isEmpty()) {
            throw QueueStore.invalid("unknown-matter", "no matter '" + r.matterCode() + "' is offered in the hall");
        }
    }

    /** The zone's next ticket number of the day in the hall: its counter row is locked with the zone's lock held. */
    private static int nextNumber(Connection c, String hallId, String zoneId, LocalDate day) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE ticket_counter SET last_number = last_number + 1 WHERE hall_id = ? AND zone_id = ? AND hall_day = ?")) {
            up.setString(1, hallId);
            up.setString(2, zoneId);
            up.setDate(3, Date.valueOf(day));
            if (up.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO ticket_counter (hall_id, zone_id, hall_day, last_number) VALUES (?, ?, ?, 1)")) {
                    ins.setString(1, hallId);
                    ins.setString(2, zoneId);
                    ins.setDate(3, Date.valueOf(day));
                    ins.executeUpdate();
                }
                return 1;
            }
        }
        try (PreparedStatement q = c.prepareStatement(
                "SELECT last_number FROM ticket_counter WHERE hall_id = ? AND zone_id = ? AND hall_day = ?")) {
            q.setString(1, hallId);
            q.setString(2, zoneId);
            q.setDate(3, Date.valueOf(day));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Outside the office hours a new ticket is refused, after the replay look-up (a retry of a stored
     * request gets its ticket), and a checked-in appointment is not (R13).
     */
    private void refuseOutsideHours(String zoneId, TicketPriority priority) {
        OfficeHours h = hours.get();
        if (h == null || priority == TicketPriority.APPOINTMENT) {
            return;
        }
        HoursStatus s = h.now(zoneId);
        if (!s.takesTickets()) {
            throw new OutsideOfficeHoursException(HoursMessages.closed(s), s.nextOpening().orElse(null));
        }
    }
}
