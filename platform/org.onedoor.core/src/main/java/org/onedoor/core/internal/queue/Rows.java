package org.onedoor.core.internal.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;

/** Maps ticket rows to tickets. */
final class Rows {

    static final String TICKET_COLUMNS = "id, ticket_no, zone_id, issued_zone_id, hall_day, priority, green_reason, appointment_id, "
            + "category, matter_code, status, window_no, for_window, no_shows, issued_at, called_at, started_at, completed_at, "
            + "queue_pos, priority_class";

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
}
