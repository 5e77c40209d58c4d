package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
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

    /** PostgreSQL: the zone's (the hall's) first waiting ticket not sent to a window that no other transaction holds, locked. */
    static final String CLAIM_IN_ZONE = FIRST_IN_ZONE + " FOR UPDATE SKIP LOCKED";
    static final String CLAIM_IN_HALL = FIRST_IN_HALL + " FOR UPDATE SKIP LOCKED";
    /** H2: locks one candidate unless another transaction holds it, and only while it still waits. */
    static final String CLAIM_ONE = "SELECT id FROM ticket WHERE id = ? AND status = 'WAITING' FOR UPDATE SKIP LOCKED";
    /** H2: how many candidates are read at a time, in call order, before the next, longer read. */
    private static final int[] CANDIDATES = {8, 256, Integer.MAX_VALUE};

    /**
     * Finds the ticket the window calls next and locks its row, skipping the tickets other windows'
     * calls hold (they have called or are calling them): calls of windows of one zone do not wait for
     * each other here. A ticket sent to this window is only ever called here (the caller holds the
     * window's row), so it is read without skipping. On PostgreSQL the zone's head is read with
     * {@code FOR UPDATE SKIP LOCKED} and {@code FETCH FIRST 1 ROWS}; H2 applies the row limit before it
     * skips locked rows, so there the candidates are read in call order (8, then 256, then all) and
     * tried one by one with {@link #CLAIM_ONE}, the first free one taken. Either way the caller then
     * updates the ticket {@code WHERE status = 'WAITING'}: a ticket is never called twice.
     *
     * @param zoneId the window's zone, or empty for a universal window
     */
    static Optional<Ticket> claim(Connection c, boolean postgres, String hallId, LocalDate day, int window, String zoneId)
            throws SQLException {
        try (PreparedStatement sent = c.prepareStatement(SENT_TO_WINDOW)) {
            sent.setDate(1, Date.valueOf(day));
            sent.setString(2, hallId);
            sent.setInt(3, window);
            Optional<Ticket> t = first(sent);
            if (t.isPresent()) {
                return t;
            }
        }
        String head = zoneId.isEmpty() ? FIRST_IN_HALL : FIRST_IN_ZONE;
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement(zoneId.isEmpty() ? CLAIM_IN_HALL : CLAIM_IN_ZONE)) {
                bindHead(ps, day, hallId, zoneId);
                return first(ps);
            }
        }
        for (int limit : CANDIDATES) {
            List<Ticket> candidates;
            String sql = limit == Integer.MAX_VALUE ? head.replace(" FETCH FIRST 1 ROWS ONLY", "")
                    : head.replace("FETCH FIRST 1 ROWS", "FETCH FIRST " + limit + " ROWS");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindHead(ps, day, hallId, zoneId);
                candidates = Rows.list(ps);
            }
            try (PreparedStatement one = c.prepareStatement(CLAIM_ONE)) {
                for (int i = 0; i < candidates.size(); i++) {
                    one.setString(1, candidates.get(i).id());
                    try (ResultSet rs = one.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(candidates.get(i));
                        }
                    }
                }
            }
            if (candidates.size() < limit) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void bindHead(PreparedStatement ps, LocalDate day, String hallId, String zoneId) throws SQLException {
        ps.setDate(1, Date.valueOf(day));
        ps.setString(2, hallId);
        if (!zoneId.isEmpty()) {
            ps.setString(3, zoneId);
        }
    }

    private static Optional<Ticket> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.ticket(rs)) : Optional.empty();
        }
    }
}
