package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WindowSession;

/** Reads tickets and window sessions: maps ticket rows to tickets. */
final class Rows {

    static final String TICKET_COLUMNS = "id, ticket_no, zone_id, issued_zone_id, hall_day, priority, green_reason, appointment_id, "
            + "category, matter_code, status, window_no, for_window, no_shows, issued_at, called_at, started_at, completed_at, "
            + "queue_pos, priority_class";
    static final String SELECT_TICKET = "SELECT " + TICKET_COLUMNS + " FROM ticket ";
    static final String ORDER = " ORDER BY priority_class, queue_pos";

    private Rows() {
    }

    static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                TicketPriority.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                TicketStatus.valueOf(rs.getString(11)), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getTimestamp(15).toInstant(),
                time(rs.getTimestamp(16)), time(rs.getTimestamp(17)), time(rs.getTimestamp(18)));
    }

    private static Optional<java.time.Instant> time(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
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
                return Optional.of(new WindowSession(window, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4), current));
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
                return rs.next() ? Optional.of(new TicketRow(ticket(rs), rs.getLong(19), rs.getInt(20))) : Optional.empty();
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
