package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WindowSession;

/** Reads tickets and window sessions: maps ticket and session rows by column name (on a JDBC connection or as JDBI row mappers). */
final class Rows {

    static final String TICKET_COLUMNS = "id, ticket_no, zone_id, issued_zone_id, hall_day, priority, green_reason, appointment_id, "
            + "category, matter_code, status, window_no, for_window, no_shows, issued_at, called_at, started_at, completed_at, "
            + "queue_pos, priority_class";
    static final String SELECT_TICKET = "SELECT " + TICKET_COLUMNS + " FROM ticket ";
    static final String ORDER = " ORDER BY priority_class, queue_pos";
    static final String TICKET_BY_ID = SELECT_TICKET + "WHERE id = :id";

    private Rows() {
    }

    /** A ticket of a row of {@link #TICKET_COLUMNS}, by column name. */
    static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getString("id"), rs.getString("ticket_no"), rs.getString("zone_id"), rs.getString("issued_zone_id"),
                rs.getDate("hall_day").toLocalDate(), TicketPriority.valueOf(rs.getString("priority")), rs.getString("green_reason"),
                rs.getString("appointment_id"), rs.getString("category"), rs.getString("matter_code"),
                TicketStatus.valueOf(rs.getString("status")), rs.getInt("window_no"), rs.getInt("for_window"), rs.getInt("no_shows"),
                rs.getTimestamp("issued_at").toInstant(), time(rs.getTimestamp("called_at")), time(rs.getTimestamp("started_at")),
                time(rs.getTimestamp("completed_at")));
    }

    /** The ticket of a row of {@link #TICKET_COLUMNS}. */
    static final RowMapper<Ticket> TICKET = (rs, ctx) -> ticket(rs);

    /** The ticket of a row of {@link #TICKET_COLUMNS} with its place in the queue. */
    static final RowMapper<TicketRow> TICKET_ROW = (rs, ctx) -> new TicketRow(ticket(rs), rs.getLong("queue_pos"),
            rs.getInt("priority_class"));

    /** A window's session of a row of {@link #SESSION_COLUMNS}, without its current ticket. */
    static final RowMapper<WindowSession> SESSION = (rs, ctx) -> new WindowSession(rs.getInt("window_no"), rs.getString("zone_id"),
            rs.getString("clerk"), rs.getTimestamp("signed_in_at").toInstant(), rs.getBoolean("paused"), Optional.empty());

    static final String SESSION_COLUMNS = "window_no, zone_id, clerk, signed_in_at, paused";

    private static Optional<java.time.Instant> time(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    /** @return the ticket (of any hall) on the handle of the caller's transaction */
    static Optional<Ticket> byId(Handle h, String id) {
        return h.createQuery(TICKET_BY_ID).bind("id", id).map(TICKET).findFirst();
    }

    /** @return the session at a window of the default hall, with the ticket called or served there */
    static Optional<WindowSession> sessionOf(Connection c, int window) throws SQLException {
        return sessionOf(c, Hall.DEFAULT_ID, window);
    }

    /** @return the session at a window of the hall, with the ticket called or served there */
    static Optional<WindowSession> sessionOf(Connection c, String hallId, int window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT zone_id, clerk, signed_in_at, paused FROM window_session "
                + "WHERE hall_id = ? AND window_no = ?")) {
            ps.setString(1, hallId);
            ps.setInt(2, window);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Optional<Ticket> current;
                try (PreparedStatement t = c.prepareStatement(SELECT_TICKET
                        + "WHERE window_no = ? AND status IN ('CALLED', 'SERVING') AND hall_id = ?")) {
                    t.setInt(1, window);
                    t.setString(2, hallId);
                    current = first(t);
                }
                return Optional.of(new WindowSession(window, rs.getString("zone_id"), rs.getString("clerk"),
                        rs.getTimestamp("signed_in_at").toInstant(), rs.getBoolean("paused"), current));
            }
        }
    }

    /** A ticket with its place in the queue. */
    record TicketRow(Ticket ticket, long queuePos, int priorityClass) {
    }

    static Optional<TicketRow> row(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET + "WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TicketRow(ticket(rs), rs.getLong("queue_pos"), rs.getInt("priority_class")))
                        : Optional.empty();
            }
        }
    }

    /** @return the hall's ticket that matches the condition on one value (a ticket of another hall is not found) */
    static Optional<Ticket> one(Connection c, String hallId, String where, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET + where + " AND hall_id = ?")) {
            ps.setString(1, value);
            ps.setString(2, hallId);
            return first(ps);
        }
    }

    static Optional<Ticket> one(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET + where)) {
            ps.setString(1, value);
            return first(ps);
        }
    }

    static Optional<Ticket> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(ticket(rs)) : Optional.empty();
        }
    }

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
