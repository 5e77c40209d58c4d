package org.onedoor.core.internal.queue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WindowSession;

/**
 * Reads tickets and window sessions: maps ticket and session rows by column name, as JDBI row mappers
 * on a transaction's handle (and, for the call order's claim, on its JDBC statement).
 */
final class Rows {

    static final String TICKET_COLUMNS = "id, ticket_no, zone_id, issued_zone_id, hall_day, priority, green_reason, appointment_id, "
            + "category, matter_code, status, window_no, for_window, no_shows, issued_at, called_at, started_at, completed_at, "
            + "queue_pos, priority_class, kiosk_id";
    static final String SELECT_TICKET = "SELECT " + TICKET_COLUMNS + " FROM ticket ";
    static final String ORDER = " ORDER BY priority_class, queue_pos";
    static final String SESSION_COLUMNS = "window_no, zone_id, clerk, signed_in_at, paused";

    private static final String TICKET_BY_ID = SELECT_TICKET + "WHERE id = :id";
    private static final String TICKET_BY_KEY = SELECT_TICKET + "WHERE idempotency_key = :key";
    private static final String TICKET_BY_KEY_IN_HALL = SELECT_TICKET + "WHERE idempotency_key = :key AND hall_id = :hall";
    private static final String SESSION = "SELECT " + SESSION_COLUMNS + " FROM window_session WHERE hall_id = :hall AND window_no = :window";
    private static final String AT_WINDOW = SELECT_TICKET + "WHERE window_no = :window AND status IN ('CALLED', 'SERVING')"
            + " AND hall_id = :hall";

    private Rows() {
    }

    /** A ticket of a row of {@link #TICKET_COLUMNS}, by column name. */
    static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getString("id"), rs.getString("ticket_no"), rs.getString("zone_id"), rs.getString("issued_zone_id"),
                rs.getDate("hall_day").toLocalDate(), TicketPriority.valueOf(rs.getString("priority")), rs.getString("green_reason"),
                rs.getString("appointment_id"), rs.getString("category"), rs.getString("matter_code"),
                TicketStatus.valueOf(rs.getString("status")), rs.getInt("window_no"), rs.getInt("for_window"), rs.getInt("no_shows"),
                rs.getTimestamp("issued_at").toInstant(), time(rs.getTimestamp("called_at")), time(rs.getTimestamp("started_at")),
                time(rs.getTimestamp("completed_at")), rs.getString("kiosk_id"));
    }

    /** The ticket of a row of {@link #TICKET_COLUMNS}. */
    static final RowMapper<Ticket> TICKET = (rs, ctx) -> ticket(rs);

    /** The ticket of a row of {@link #TICKET_COLUMNS} with its place in the queue. */
    static final RowMapper<TicketRow> TICKET_ROW = (rs, ctx) -> new TicketRow(ticket(rs), rs.getLong("queue_pos"),
            rs.getInt("priority_class"));

    /** A window's session of a row of {@link #SESSION_COLUMNS}, without its current ticket. */
    static final RowMapper<WindowSession> SESSION_ROW = (rs, ctx) -> new WindowSession(rs.getInt("window_no"), rs.getString("zone_id"),
            rs.getString("clerk"), rs.getTimestamp("signed_in_at").toInstant(), rs.getBoolean("paused"), Optional.empty());

    private static Optional<java.time.Instant> time(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    /** A ticket with its place in the queue. */
    record TicketRow(Ticket ticket, long queuePos, int priorityClass) {
    }

    /** @return the ticket (of any hall) */
    static Optional<Ticket> byId(Handle h, String id) {
        return h.createQuery(TICKET_BY_ID).bind("id", id).map(TICKET).findFirst();
    }

    /** @return the ticket (of any hall) issued with the idempotency key */
    static Optional<Ticket> byKey(Handle h, String key) {
        return h.createQuery(TICKET_BY_KEY).bind("key", key).map(TICKET).findFirst();
    }

    /** @return the hall's ticket issued with the idempotency key (a ticket of another hall is not found) */
    static Optional<Ticket> byKey(Handle h, String hallId, String key) {
        return h.createQuery(TICKET_BY_KEY_IN_HALL).bind("key", key).bind("hall", hallId).map(TICKET).findFirst();
    }

    /** @return the session at a window of the hall, with the ticket called or served there */
    static Optional<WindowSession> sessionOf(Handle h, String hallId, int window) {
        return h.createQuery(SESSION).bind("hall", hallId).bind("window", window).map(SESSION_ROW).findFirst()
                .map(s -> withCurrent(s, h.createQuery(AT_WINDOW).bind("window", window).bind("hall", hallId).map(TICKET).findFirst()));
    }

    /** @return the session with the ticket called or served at its window */
    static WindowSession withCurrent(WindowSession s, Optional<Ticket> current) {
        return new WindowSession(s.windowNumber(), s.zoneId(), s.clerk(), s.signedInAt(), s.paused(), current);
    }

    /** @return the tickets of the JDBC statement's rows of {@link #TICKET_COLUMNS} (the call order's candidates) */
    static List<Ticket> list(PreparedStatement ps) throws SQLException {
        List<Ticket> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(ticket(rs));
            }
        }
        return result;
    }
}
