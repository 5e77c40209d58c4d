package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.queue.WindowSession;

/**
 * What the queue shows without changing it: tickets, a waiting ticket's place and estimated wait,
 * the waiting lists, the window sessions, and the last event numbers (hall-wide and per zone)
 * a client resumes the event stream from.
 */
final class QueueReads {

    private final QueueStore store;
    private final HallWindows windows;
    private final QueueConfig config;

    QueueReads(QueueStore store, HallWindows windows, QueueConfig config) {
        this.store = store;
        this.windows = windows;
        this.config = config;
    }

    Optional<Ticket> ticket(String id) {
        return store.read((c, e) -> Rows.one(c, store.hallId(), "WHERE id = ?", id));
    }

    Optional<Ticket> ticketByNumber(String number) {
        LocalDate day = store.today();
        return store.read((c, e) -> {
            try (PreparedStatement ps = c.prepareStatement(Rows.SELECT_TICKET + "WHERE ticket_no = ? AND hall_day = ? AND hall_id = ?")) {
                ps.setString(1, number.toUpperCase(Locale.ROOT));
                ps.setDate(2, Date.valueOf(day));
                ps.setString(3, store.hallId());
                return Rows.first(ps);
            }
        });
    }

    Optional<WaitingInfo> waiting(String id) {
        return store.read((c, e) -> {
            Optional<Rows.TicketRow> row = Rows.row(c, id);
            if (row.isEmpty() || row.get().ticket().status() != TicketStatus.WAITING || !inThisHall(c, id)) {
                return Optional.empty();
            }
            Rows.TicketRow t = row.get();
            int position;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket WHERE hall_day = ? AND status = 'WAITING' "
                    + "AND hall_id = ? AND zone_id = ? AND (priority_class < ? OR (priority_class = ? AND queue_pos < ?))")) {
                ps.setDate(1, Date.valueOf(t.ticket().day()));
                ps.setString(2, store.hallId());
                ps.setString(3, t.ticket().zoneId());
                ps.setInt(4, t.priorityClass());
                ps.setInt(5, t.priorityClass());
                ps.setLong(6, t.queuePos());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1) + 1;
                }
            }
            return Optional.of(new WaitingInfo(position,
                    WaitEstimate.minutes(position, serviceMinutes(c, t.ticket().zoneId()), openWindows(c, t.ticket().zoneId()))));
        });
    }

    /** What a wait estimate of the zone needs, read once for several tickets (a batch of issues). */
    record ZoneWait(double serviceMinutes, int openWindows) {
        WaitingInfo at(int position) {
            return new WaitingInfo(position, WaitEstimate.minutes(position, serviceMinutes, openWindows));
        }
    }

    /** @return the zone's recent service time and open windows, read on the connection */
    ZoneWait zoneWait(Connection c, String zoneId) throws SQLException {
        return new ZoneWait(serviceMinutes(c, zoneId), openWindows(c, zoneId));
    }

    /** @return how many tickets of each priority class wait in the zone today (class → count) */
    Map<Integer, Integer> waitingByClass(Handle h, LocalDate day, String zoneId) {
        Map<Integer, Integer> counts = new TreeMap<>();
        h.createQuery("SELECT priority_class, COUNT(*) AS n FROM ticket WHERE hall_day = :day AND status = 'WAITING' "
                + "AND hall_id = :hall AND zone_id = :zone GROUP BY priority_class")
                .bind("day", Date.valueOf(day)).bind("hall", store.hallId()).bind("zone", zoneId)
                .map((rs, ctx) -> Map.entry(rs.getInt("priority_class"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private boolean inThisHall(Connection c, String id) throws SQLException {
        return Rows.one(c, store.hallId(), "WHERE id = ?", id).isPresent();
    }

    private double serviceMinutes(Connection c, String zoneId) throws SQLException {
        List<Double> minutes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at, completed_at FROM ticket WHERE zone_id = ? "
                + "AND status = 'DONE' AND started_at IS NOT NULL AND hall_id = ? ORDER BY completed_at DESC")) {
            ps.setString(1, zoneId);
            ps.setString(2, store.hallId());
            ps.setMaxRows(Math.max(1, config.recentServices()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    minutes.add((rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 60_000.0);
                }
            }
        }
        return minutes.isEmpty() ? config.defaultServiceMinutes()
                : minutes.stream().mapToDouble(Double::doubleValue).average().orElse(config.defaultServiceMinutes());
    }

    private int openWindows(Connection c, String zoneId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM window_session WHERE paused = FALSE "
                + "AND hall_id = ? AND zone_id IN (?, 'universal')")) {
            ps.setString(1, store.hallId());
            ps.setString(2, zoneId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    List<Ticket> waitingTickets(String zoneId) {
        LocalDate day = store.today();
        return store.read((c, e) -> {
            boolean all = zoneId == null || zoneId.isEmpty();
            try (PreparedStatement ps = c.prepareStatement(Rows.SELECT_TICKET + "WHERE hall_day = ? AND status = 'WAITING' AND hall_id = ?"
                    + (all ? "" : " AND zone_id = ?") + Rows.ORDER)) {
                ps.setDate(1, Date.valueOf(day));
                ps.setString(2, store.hallId());
                if (!all) {
                    ps.setString(3, zoneId);
                }
                return Rows.list(ps);
            }
        });
    }

    List<WindowSession> windows() {
        return store.read((c, e) -> {
            List<WindowSession> sessions = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT window_no FROM window_session WHERE hall_id = ? ORDER BY window_no")) {
                ps.setString(1, store.hallId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        numbers.add(rs.getInt(1));
                    }
                }
            }
            for (int number : numbers) {
                Rows.sessionOf(c, store.hallId(), number).ifPresent(sessions::add);
            }
            return sessions;
        });
    }

    long lastSeq() {
        return store.read((c, e) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM queue_event");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Map<String, Long> lastZoneSeqs() {
        return store.read((c, e) -> {
            Map<String, Long> last = new TreeMap<>();
            String prefix = QueueStore.scopePrefix(store.hallId());
            try (PreparedStatement ps = c.prepareStatement("SELECT scope, last_value FROM queue_seq WHERE scope LIKE ?")) {
                ps.setString(1, prefix + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last.put(rs.getString("scope").substring(prefix.length()), rs.getLong("last_value"));
                    }
                }
            }
            return last;
        });
    }

    Optional<WindowSession> session(int window) {
        if (windows.zoneOf(window).isEmpty()) {
            throw QueueStore.notFound("unknown-window", "no window " + window + " in the hall");
        }
        return store.read((c, e) -> Rows.sessionOf(c, store.hallId(), window));
    }
}
