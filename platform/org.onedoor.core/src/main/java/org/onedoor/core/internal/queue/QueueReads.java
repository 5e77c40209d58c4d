package org.onedoor.core.internal.queue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.queue.WindowSession;

/**
 * What the queue shows without changing it: tickets, a waiting ticket's place and estimated wait,
 * the waiting lists, the window sessions, and the last event numbers (hall-wide and per zone)
 * a client resumes the event stream from. Read on a handle of the hall's database, every row mapped by
 * column name, each list in one query.
 */
final class QueueReads {

    private static final String TICKET_IN_HALL = Rows.SELECT_TICKET + "WHERE id = :id AND hall_id = :hall";
    private static final String TICKET_BY_NUMBER = Rows.SELECT_TICKET + "WHERE ticket_no = :number AND hall_day = :day AND hall_id = :hall";
    private static final String WAITING_IN_HALL = Rows.SELECT_TICKET + "WHERE hall_day = :day AND status = 'WAITING' AND hall_id = :hall"
            + Rows.ORDER;
    private static final String WAITING_IN_ZONE = Rows.SELECT_TICKET + "WHERE hall_day = :day AND status = 'WAITING' AND hall_id = :hall"
            + " AND zone_id = :zone" + Rows.ORDER;
    private static final String AHEAD = "SELECT COUNT(*) AS ahead FROM ticket WHERE hall_day = :day AND status = 'WAITING'"
            + " AND hall_id = :hall AND zone_id = :zone AND (priority_class < :class OR (priority_class = :class AND queue_pos < :pos))";
    private static final String RECENT_SERVICES = "SELECT started_at, completed_at FROM ticket WHERE zone_id = :zone"
            + " AND status = 'DONE' AND started_at IS NOT NULL AND hall_id = :hall ORDER BY completed_at DESC";
    private static final String OPEN_WINDOWS = "SELECT COUNT(*) AS open_windows FROM window_session WHERE paused = FALSE"
            + " AND hall_id = :hall AND zone_id IN (:zone, 'universal')";
    private static final String SESSIONS = "SELECT " + Rows.SESSION_COLUMNS + " FROM window_session WHERE hall_id = :hall"
            + " ORDER BY window_no";
    /**
     * The tickets called or served at the hall's signed-in windows (each window's current ticket), looked up
     * per window as {@link Rows#sessionOf} does (index {@code ticket_at_window}), in one query.
     */
    private static final String AT_WINDOWS = "SELECT t.id, t.ticket_no, t.zone_id, t.issued_zone_id, t.hall_day, t.priority,"
            + " t.green_reason, t.appointment_id, t.category, t.matter_code, t.status, t.window_no, t.for_window, t.no_shows,"
            + " t.issued_at, t.called_at, t.started_at, t.completed_at, t.queue_pos, t.priority_class, t.kiosk_id"
            + " FROM window_session s JOIN ticket t ON t.window_no = s.window_no AND t.status IN ('CALLED', 'SERVING')"
            + " AND t.hall_id = s.hall_id WHERE s.hall_id = :hall";

    /** The minutes one recent service took, from its start to its completion. */
    private static final RowMapper<Double> SERVICE_MINUTES = (rs, ctx) -> (rs.getTimestamp("completed_at").getTime()
            - rs.getTimestamp("started_at").getTime()) / 60_000.0;

    private final QueueStore store;
    private final HallWindows windows;
    private final QueueConfig config;

    QueueReads(QueueStore store, HallWindows windows, QueueConfig config) {
        this.store = store;
        this.windows = windows;
        this.config = config;
    }

    Optional<Ticket> ticket(String id) {
        return store.read(h -> h.createQuery(TICKET_IN_HALL).bind("id", id).bind("hall", store.hallId()).map(Rows.TICKET).findFirst());
    }

    Optional<Ticket> ticketByNumber(String number) {
        LocalDate day = store.today();
        return store.read(h -> h.createQuery(TICKET_BY_NUMBER).bind("number", number.toUpperCase(Locale.ROOT))
                .bind("day", Date.valueOf(day)).bind("hall", store.hallId()).map(Rows.TICKET).findFirst());
    }

    Optional<WaitingInfo> waiting(String id) {
        return store.read(h -> {
            Optional<Rows.TicketRow> row = h.createQuery(TICKET_IN_HALL).bind("id", id).bind("hall", store.hallId())
                    .map(Rows.TICKET_ROW).findFirst();
            if (row.isEmpty() || row.get().ticket().status() != TicketStatus.WAITING) {
                return Optional.empty();
            }
            Rows.TicketRow t = row.get();
            int position = 1 + h.createQuery(AHEAD).bind("day", Date.valueOf(t.ticket().day())).bind("hall", store.hallId())
                    .bind("zone", t.ticket().zoneId()).bind("class", t.priorityClass()).bind("pos", t.queuePos())
                    .map((rs, ctx) -> rs.getInt("ahead")).one();
            return Optional.of(zoneWait(h, t.ticket().zoneId()).at(position));
        });
    }

    /** What a wait estimate of the zone needs, read once for several tickets (a batch of issues). */
    record ZoneWait(double serviceMinutes, int openWindows) {
        WaitingInfo at(int position) {
            return new WaitingInfo(position, WaitEstimate.minutes(position, serviceMinutes, openWindows));
        }
    }

    /** @return the zone's recent service time and open windows, read on the handle (of the caller's transaction) */
    ZoneWait zoneWait(Handle h, String zoneId) {
        return new ZoneWait(serviceMinutes(h, zoneId), openWindows(h, zoneId));
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

    private double serviceMinutes(Handle h, String zoneId) {
        List<Double> minutes = h.createQuery(RECENT_SERVICES).bind("zone", zoneId).bind("hall", store.hallId())
                .setMaxRows(Math.max(1, config.recentServices())).map(SERVICE_MINUTES).list();
        return minutes.isEmpty() ? config.defaultServiceMinutes()
                : minutes.stream().mapToDouble(Double::doubleValue).average().orElse(config.defaultServiceMinutes());
    }

    private int openWindows(Handle h, String zoneId) {
        return h.createQuery(OPEN_WINDOWS).bind("hall", store.hallId()).bind("zone", zoneId).map((rs, ctx) -> rs.getInt("open_windows"))
                .one();
    }

    List<Ticket> waitingTickets(String zoneId) {
        LocalDate day = store.today();
        return store.read(h -> (zoneId == null || zoneId.isEmpty() ? h.createQuery(WAITING_IN_HALL)
                : h.createQuery(WAITING_IN_ZONE).bind("zone", zoneId))
                .bind("day", Date.valueOf(day)).bind("hall", store.hallId()).map(Rows.TICKET).list());
    }

    /** @return the hall's window sessions in window order, each with its current ticket: two queries for all windows */
    List<WindowSession> windows() {
        return store.read(h -> {
            List<WindowSession> sessions = h.createQuery(SESSIONS).bind("hall", store.hallId()).map(Rows.SESSION_ROW).list();
            Map<Integer, Ticket> current = new HashMap<>();
            h.createQuery(AT_WINDOWS).bind("hall", store.hallId()).map(Rows.TICKET)
                    .forEach(t -> current.putIfAbsent(t.windowNumber(), t));
            return sessions.stream().map(s -> Rows.withCurrent(s, Optional.ofNullable(current.get(s.windowNumber())))).toList();
        });
    }

    long lastSeq() {
        return store.read(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) AS last_seq FROM queue_event")
                .map((rs, ctx) -> rs.getLong("last_seq")).one());
    }

    Map<String, Long> lastZoneSeqs() {
        String prefix = QueueStore.scopePrefix(store.hallId());
        return store.read(h -> {
            Map<String, Long> last = new TreeMap<>();
            h.createQuery("SELECT scope, last_value FROM queue_seq WHERE scope LIKE :prefix").bind("prefix", prefix + "%")
                    .map((rs, ctx) -> Map.entry(rs.getString("scope").substring(prefix.length()), rs.getLong("last_value")))
                    .forEach(e -> last.put(e.getKey(), e.getValue()));
            return last;
        });
    }

    Optional<WindowSession> session(int window) {
        if (windows.zoneOf(window).isEmpty()) {
            throw QueueStore.notFound("unknown-window", "no window " + window + " in the hall");
        }
        return store.read(h -> Rows.sessionOf(h, store.hallId(), window));
    }
}
