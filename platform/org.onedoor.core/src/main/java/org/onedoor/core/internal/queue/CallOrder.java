package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.queue.Ticket;

/**
 * Which waiting ticket a window calls next: one sent to this window first, else the zone's (for a
 * universal window, the hall's) first ticket not sent to a window, by priority class then queue
 * place. Each read walks an index in its order and stops at the first row (indexes
 * {@code ticket_next_sent} and {@code ticket_next_in_zone}, V73), so a call costs the same with 10 or
 * 10,000 tickets waiting, in its zone or in others. The ORDER BY names the index's columns from its
 * first one: those fixed by the WHERE change nothing, and H2 only reads an index in order for a sort
 * that starts at the index's first column.
 */
final class CallOrder {

    static final String SENT_TO_WINDOW = "SELECT " + Rows.TICKET_COLUMNS + " FROM ticket WHERE hall_day = ? AND status = 'WAITING' "
            + "AND hall_id = ? AND for_window = ? ORDER BY hall_day, status, hall_id, for_window, priority_class, queue_pos "
            + "FETCH FIRST 1 ROWS ONLY";
    static final String FIRST_IN_ZONE = "SELECT " + Rows.TICKET_COLUMNS + " FROM ticket WHERE hall_day = ? AND status = 'WAITING' "
            + "AND hall_id = ? AND zone_id = ? AND for_window = 0 ORDER BY hall_day, status, hall_id, zone_id, for_window, "
            + "priority_class, queue_pos FETCH FIRST 1 ROWS ONLY";
    static final String FIRST_IN_HALL = "SELECT " + Rows.TICKET_COLUMNS + " FROM ticket WHERE hall_day = ? AND status = 'WAITING' "
            + "AND hall_id = ? AND for_window = 0 ORDER BY hall_day, status, hall_id, for_window, priority_class, queue_pos "
            + "FETCH FIRST 1 ROWS ONLY";

    private CallOrder() {
    }

    /**
     * @param zoneId the window's zone, or empty for a universal window
     * @return the ticket the window calls next, if any
     */
    static Optional<Ticket> next(Connection c, LocalDate day, int window, String zoneId) throws SQLException {
        return next(c, Hall.DEFAULT_ID, day, window, zoneId);
    }

    /**
     * @param hallId the window's hall: only its tickets are called there
     * @param zoneId the window's zone, or empty for a universal window
     * @return the ticket the window calls next, if any
     */
    static Optional<Ticket> next(Connection c, String hallId, LocalDate day, int window, String zoneId) throws SQLException {
        try (PreparedStatement sent = c.prepareStatement(SENT_TO_WINDOW)) {
            sent.setDate(1, Date.valueOf(day));
            sent.setString(2, hallId);
            sent.setInt(3, window);
            Optional<Ticket> t = first(sent);
            if (t.isPresent()) {
                return t;
            }
        }
        try (PreparedStatement head = c.prepareStatement(zoneId.isEmpty() ? FIRST_IN_HALL : FIRST_IN_ZONE)) {
            head.setDate(1, Date.valueOf(day));
            head.setString(2, hallId);
            if (!zoneId.isEmpty()) {
                head.setString(3, zoneId);
            }
            return first(head);
        }
    }

    private static Optional<Ticket> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.ticket(rs)) : Optional.empty();
        }
    }
}
