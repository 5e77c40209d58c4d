package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.zone.ZoneDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The hall's queue and window desk on the store: tickets are stored before they are acknowledged,
 * every change is one transaction serialized with the other changes of the zones it touches, with
 * its numbered events, and events are published to
 * every node after commit. Order: checked-in appointments, then the green channel, then first come
 * first served; a ticket sent to one window is that window's first.
 */
@Component(service = {HallQueue.class, WindowDesk.class}, configurationPid = "org.onedoor.queue",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = QueueConfig.class)
public final class HallQueueService implements HallQueue, WindowDesk {

    /** The hall's time zone: a ticket's day is the hall's calendar day. */
    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String SELECT_TICKET = "SELECT " + Rows.TICKET_COLUMNS + " FROM ticket ";
    private static final String ORDER = " ORDER BY priority_class, queue_pos";

    private final QueueStore store;
    private final HallWindows windows;
    private final QueueEventHub hub;
    private final QueueConfig config;
    private final Set<String> greenChannel;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatterCatalog catalog;

    @Activate
    public HallQueueService(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource,
            @Reference ZoneDirectory zones, @Reference QueueEventHub hub, QueueConfig config) {
        this(dataSource, zones, hub, config, Clock.system(HALL_ZONE));
    }

    HallQueueService(DataSource dataSource, ZoneDirectory zones, QueueEventHub hub, QueueConfig config, Clock clock) {
        this.store = new QueueStore(dataSource, clock);
        this.windows = new HallWindows(zones);
        this.hub = hub;
        this.config = config;
        this.clock = clock;
        this.greenChannel = Arrays.stream(config.greenChannel().split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(HALL_ZONE));
    }

    /** Runs one change holding the locks of the zones given (and of any other zone it touches), then publishes its events. */
    private <T> T change(Collection<String> zones, QueueStore.Work<T> work) {
        QueueStore.Done<T> done = store.write(zones, work);
        hub.publish(done.events());
        return done.result();
    }

    /** The zone a change at the window locks first: the window's (none for an unknown window, which the change rejects). */
    private List<String> zoneOfWindow(int window) {
        return windows.zoneOf(window).map(z -> List.of(z.id())).orElse(List.of());
    }

    // ---- tickets -------------------------------------------------------------------------

    @Override
    public IssuedTicket issue(TicketRequest r) {
        ZoneDescriptor zone = windows.openZone(r.zoneId());
        check(r);
        LocalDate day = today();
        boolean[] replayed = {false};
        Ticket ticket = change(List.of(zone.id()), (c, events) -> {
            if (!r.idempotencyKey().isEmpty()) {
                Optional<Ticket> earlier = one(c, "WHERE idempotency_key = ?", r.idempotencyKey());
                if (earlier.isPresent()) {
                    replayed[0] = true;
                    return earlier.get();
                }
            }
            int seq = nextNumber(c, zone.id(), day);
            String number = TicketNumbers.format(zone.letter(), seq);
            String id = UUID.randomUUID().toString();
            QueueEvent issued = events.emit("ISSUED", zone.id(), number, id, 0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (id, ticket_no, zone_id, issued_zone_id, hall_day, seq, "
                    + "priority, priority_class, green_reason, appointment_id, category, matter_code, queue_pos, status, window_no, "
                    + "for_window, no_shows, issued_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', 0, 0, 0, ?, ?)")) {
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
                ps.executeUpdate();
            }
            return one(c, "WHERE id = ?", id).orElseThrow();
        });
        WaitingInfo waiting = waiting(ticket.id()).orElse(new WaitingInfo(0, 0));
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
        MatterCatalog c = catalog;
        if (!r.matterCode().isEmpty() && c != null && c.matter(r.matterCode()).isEmpty()) {
            throw QueueStore.invalid("unknown-matter", "no matter '" + r.matterCode() + "' is offered in the hall");
        }
    }

    private static int nextNumber(Connection c, String zoneId, LocalDate day) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE ticket_counter SET last_number = last_number + 1 WHERE zone_id = ? AND hall_day = ?")) {
            up.setString(1, zoneId);
            up.setDate(2, Date.valueOf(day));
            if (up.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO ticket_counter (zone_id, hall_day, last_number) VALUES (?, ?, 1)")) {
                    ins.setString(1, zoneId);
                    ins.setDate(2, Date.valueOf(day));
                    ins.executeUpdate();
                }
                return 1;
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT last_number FROM ticket_counter WHERE zone_id = ? AND hall_day = ?")) {
            q.setString(1, zoneId);
            q.setDate(2, Date.valueOf(day));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Optional<Ticket> ticket(String id) {
        return store.read((c, e) -> one(c, "WHERE id = ?", id));
    }

    @Override
    public Optional<Ticket> ticketByNumber(String number) {
        LocalDate day = today();
        return store.read((c, e) -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET + "WHERE ticket_no = ? AND hall_day = ?")) {
                ps.setString(1, number.toUpperCase(Locale.ROOT));
                ps.setDate(2, Date.valueOf(day));
                return first(ps);
            }
        });
    }

    @Override
    public Optional<WaitingInfo> waiting(String id) {
        return store.read((c, e) -> {
            Optional<TicketRow> row = row(c, id);
            if (row.isEmpty() || row.get().ticket().status() != TicketStatus.WAITING) {
                return Optional.empty();
            }
            TicketRow t = row.get();
            int position;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket WHERE hall_day = ? AND status = 'WAITING' "
                    + "AND zone_id = ? AND (priority_class < ? OR (priority_class = ? AND queue_pos < ?))")) {
                ps.setDate(1, Date.valueOf(t.ticket().day()));
                ps.setString(2, t.ticket().zoneId());
                ps.setInt(3, t.priorityClass());
                ps.setInt(4, t.priorityClass());
                ps.setLong(5, t.queuePos());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1) + 1;
                }
            }
            return Optional.of(new WaitingInfo(position,
                    WaitEstimate.minutes(position, serviceMinutes(c, t.ticket().zoneId()), openWindows(c, t.ticket().zoneId()))));
        });
    }

    private double serviceMinutes(Connection c, String zoneId) throws SQLException {
        List<Double> minutes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at, completed_at FROM ticket WHERE zone_id = ? "
                + "AND status = 'DONE' AND started_at IS NOT NULL ORDER BY completed_at DESC")) {
            ps.setString(1, zoneId);
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
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM window_session WHERE paused = FALSE AND zone_id IN (?, 'universal')")) {
            ps.setString(1, zoneId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public List<Ticket> waitingTickets(String zoneId) {
        LocalDate day = today();
        return store.read((c, e) -> {
            boolean all = zoneId == null || zoneId.isEmpty();
            try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET + "WHERE hall_day = ? AND status = 'WAITING'"
                    + (all ? "" : " AND zone_id = ?") + ORDER)) {
                ps.setDate(1, Date.valueOf(day));
                if (!all) {
                    ps.setString(2, zoneId);
                }
                return list(ps);
            }
        });
    }

    @Override
    public List<WindowSession> windows() {
        return store.read((c, e) -> {
            List<WindowSession> sessions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT window_no FROM window_session ORDER BY window_no");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessionOf(c, rs.getInt(1)).ifPresent(sessions::add);
                }
            }
            return sessions;
        });
    }

    @Override
    public long lastSeq() {
        return store.read((c, e) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM queue_event");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Map<String, Long> lastZoneSeqs() {
        return store.read((c, e) -> {
            Map<String, Long> last = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT scope, last_value FROM queue_seq WHERE scope LIKE 'zone:%'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last.put(rs.getString("scope").substring("zone:".length()), rs.getLong("last_value"));
                }
            }
            return last;
        });
    }

    // ---- windows -------------------------------------------------------------------------

    @Override
    public WindowSession signIn(int window, String clerk) {
        ZoneDescriptor zone = windows.openZoneOfWindow(window);
        if (clerk == null || clerk.isBlank()) {
            throw QueueStore.invalid("invalid-clerk", "a clerk signs in under a user name");
        }
        return change(List.of(zone.id()), (c, events) -> {
            Optional<WindowSession> held = sessionOf(c, window);
            if (held.isPresent() && !held.get().clerk().equals(clerk)) {
                String other = held.get().clerk();
                throw QueueStore.conflict("window-held", "窗口 " + window + " 已由 " + other + " 签到；请 " + other
                        + " 先签退，或由管理员/运营人员将该窗口签退 / window " + window + " is held by " + other + ": " + other
                        + " signs out first, or an admin or operator signs the window out");
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM window_session WHERE window_no = ?")) {
                del.setInt(1, window);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO window_session (window_no, zone_id, clerk, signed_in_at, paused) VALUES (?, ?, ?, ?, FALSE)")) {
                ins.setInt(1, window);
                ins.setString(2, zone.id());
                ins.setString(3, clerk);
                ins.setTimestamp(4, Timestamp.from(events.at()));
                ins.executeUpdate();
            }
            events.emit("WINDOW_OPEN", zone.id(), "", "", window);
            return sessionOf(c, window).orElseThrow();
        });
    }

    @Override
    public void signOut(int window) {
        change(zoneOfWindow(window), (c, events) -> {
            WindowSession s = requireSession(c, window);
            Optional<Ticket> current = s.current();
            if (current.isPresent() && current.get().status() == TicketStatus.SERVING) {
                throw QueueStore.conflict("window-serving", "ticket " + current.get().number()
                        + " is being served at window " + window + "; complete or transfer it before signing out");
            }
            if (current.isPresent()) {
                events.lock(current.get().zoneId());
                requeue(c, current.get().id(), false, events, "REQUEUED", current.get().zoneId());
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM window_session WHERE window_no = ?")) {
                del.setInt(1, window);
                del.executeUpdate();
            }
            events.emit("WINDOW_CLOSED", s.zoneId(), "", "", window);
            return null;
        });
    }

    @Override
    public Optional<Ticket> callNext(int window) {
        return change(zoneOfWindow(window), (c, events) -> {
            WindowSession s = requireSession(c, window);
            if (s.paused()) {
                throw QueueStore.conflict("window-paused", "window " + window + " is paused; resume it to call");
            }
            if (s.current().isPresent()) {
                Ticket t = s.current().get();
                throw QueueStore.conflict("window-busy", "ticket " + t.number() + " is " + t.status().name().toLowerCase(Locale.ROOT)
                        + " at window " + window + "; complete it, mark it no-show or transfer it first");
            }
            Optional<Ticket> next = CallOrder.next(c, today(), window, "universal".equals(s.zoneId()) ? "" : s.zoneId());
            if (next.isEmpty()) {
                return Optional.<Ticket>empty();
            }
            Ticket t = next.get();
            events.lock(t.zoneId());
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'CALLED', window_no = ?, called_at = ? "
                    + "WHERE id = ? AND status = 'WAITING'")) {
                up.setInt(1, window);
                up.setTimestamp(2, Timestamp.from(events.at()));
                up.setString(3, t.id());
                if (up.executeUpdate() != 1) {
                    throw new IllegalStateException("ticket " + t.number() + " was taken by another window meanwhile");
                }
            }
            events.emit("CALLED", t.zoneId(), t.number(), t.id(), window);
            return one(c, "WHERE id = ?", t.id());
        });
    }

    @Override
    public Ticket recall(int window) {
        return change(zoneOfWindow(window), (c, events) -> {
            Ticket t = current(c, window, TicketStatus.CALLED, "recall");
            events.lock(t.zoneId());
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET called_at = ? WHERE id = ?")) {
                up.setTimestamp(1, Timestamp.from(events.at()));
                up.setString(2, t.id());
                up.executeUpdate();
            }
            events.emit("RECALLED", t.zoneId(), t.number(), t.id(), window);
            return one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    @Override
    public Ticket noShow(int window) {
        return change(zoneOfWindow(window), (c, events) -> {
            Ticket t = current(c, window, TicketStatus.CALLED, "mark as no-show");
            events.lock(t.zoneId());
            if (t.noShows() < config.requeueNoShows()) {
                requeue(c, t.id(), true, events, "REQUEUED", t.zoneId());
            } else {
                try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'NO_SHOW', no_shows = no_shows + 1 WHERE id = ?")) {
                    up.setString(1, t.id());
                    up.executeUpdate();
                }
                events.emit("NO_SHOW", t.zoneId(), t.number(), t.id(), window);
            }
            return one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    /** Puts a ticket back in its zone's queue: at the back of its class after a no-show, else in its old place. */
    private static void requeue(Connection c, String id, boolean noShow, QueueStore.Events events, String type, String zoneId)
            throws SQLException {
        Ticket t = one(c, "WHERE id = ?", id).orElseThrow();
        QueueEvent e = events.emit(type, zoneId, t.number(), t.id(), 0);
        try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'WAITING', window_no = 0"
                + (noShow ? ", no_shows = no_shows + 1, queue_pos = ?" : "") + " WHERE id = ?")) {
            if (noShow) {
                up.setLong(1, e.seq());
                up.setString(2, id);
            } else {
                up.setString(1, id);
            }
            up.executeUpdate();
        }
    }

    @Override
    public Ticket transfer(int window, String toZone, int toWindow) {
        String target = toZone == null || toZone.isBlank() ? "" : toZone.trim();
        if (!target.isEmpty()) {
            windows.openZone(target);
        }
        if (toWindow != 0) {
            ZoneDescriptor zoneOfTarget = windows.openZoneOfWindow(toWindow);
            if (!target.isEmpty() && !zoneOfTarget.id().equals(target) && !zoneOfTarget.universal()) {
                throw QueueStore.invalid("invalid-transfer", "window " + toWindow + " is in zone " + zoneOfTarget.id() + ", not " + target);
            }
        }
        List<String> zones = new ArrayList<>(zoneOfWindow(window));
        if (!target.isEmpty()) {
            zones.add(target);
        }
        return change(zones, (c, events) -> {
            WindowSession s = requireSession(c, window);
            Ticket t = s.current().orElseThrow(() -> QueueStore.conflict("no-current-ticket",
                    "window " + window + " has no ticket to transfer"));
            String zone = target.isEmpty() ? t.zoneId() : target;
            events.lock(t.zoneId());
            events.lock(zone);
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'WAITING', window_no = 0, zone_id = ?, "
                    + "for_window = ? WHERE id = ?")) {
                up.setString(1, zone);
                up.setInt(2, toWindow);
                up.setString(3, t.id());
                up.executeUpdate();
            }
            events.emit("TRANSFERRED", zone, t.number(), t.id(), toWindow);
            return one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    @Override
    public Ticket start(int window) {
        return change(zoneOfWindow(window), (c, events) -> {
            Ticket t = current(c, window, TicketStatus.CALLED, "start serving");
            events.lock(t.zoneId());
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'SERVING', started_at = ? WHERE id = ?")) {
                up.setTimestamp(1, Timestamp.from(events.at()));
                up.setString(2, t.id());
                up.executeUpdate();
            }
            events.emit("STARTED", t.zoneId(), t.number(), t.id(), window);
            return one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    @Override
    public Ticket complete(int window) {
        return change(zoneOfWindow(window), (c, events) -> {
            WindowSession s = requireSession(c, window);
            Ticket t = s.current().orElseThrow(() -> QueueStore.conflict("no-current-ticket",
                    "window " + window + " has no ticket to complete"));
            events.lock(t.zoneId());
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'DONE', completed_at = ?, "
                    + "started_at = COALESCE(started_at, called_at) WHERE id = ?")) {
                up.setTimestamp(1, Timestamp.from(events.at()));
                up.setString(2, t.id());
                up.executeUpdate();
            }
            events.emit("COMPLETED", t.zoneId(), t.number(), t.id(), window);
            return one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    @Override
    public WindowSession pause(int window, boolean paused) {
        return change(zoneOfWindow(window), (c, events) -> {
            WindowSession s = requireSession(c, window);
            try (PreparedStatement up = c.prepareStatement("UPDATE window_session SET paused = ? WHERE window_no = ?")) {
                up.setBoolean(1, paused);
                up.setInt(2, window);
                up.executeUpdate();
            }
            events.emit(paused ? "WINDOW_PAUSED" : "WINDOW_RESUMED", s.zoneId(), "", "", window);
            return sessionOf(c, window).orElseThrow();
        });
    }

    @Override
    public Optional<WindowSession> session(int window) {
        if (windows.zoneOf(window).isEmpty()) {
            throw QueueStore.notFound("unknown-window", "no window " + window + " in the hall");
        }
        return store.read((c, e) -> sessionOf(c, window));
    }

    // ---- rows ----------------------------------------------------------------------------

    private Ticket current(Connection c, int window, TicketStatus wanted, String action) throws SQLException {
        WindowSession s = requireSession(c, window);
        Ticket t = s.current().orElseThrow(() -> QueueStore.conflict("no-current-ticket",
                "window " + window + " has no called ticket to " + action + "; call the next ticket first"));
        if (t.status() != wanted) {
            throw QueueStore.conflict("wrong-ticket-state", "ticket " + t.number() + " is " + t.status().name().toLowerCase(Locale.ROOT)
                    + ", so it cannot " + action + " now");
        }
        return t;
    }

    private WindowSession requireSession(Connection c, int window) throws SQLException {
        if (windows.zoneOf(window).isEmpty()) {
            throw QueueStore.notFound("unknown-window", "no window " + window + " in the hall");
        }
        return sessionOf(c, window).orElseThrow(() -> QueueStore.conflict("window-not-signed-in",
                "nobody is signed in at window " + window + "; sign in first"));
    }

    private static Optional<WindowSession> sessionOf(Connection c, int window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT zone_id, clerk, signed_in_at, paused FROM window_session WHERE window_no = ?")) {
            ps.setInt(1, window);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Optional<Ticket> current;
                try (PreparedStatement t = c.prepareStatement(SELECT_TICKET + "WHERE window_no = ? AND status IN ('CALLED', 'SERVING')")) {
                    t.setInt(1, window);
                    current = first(t);
                }
                return Optional.of(new WindowSession(window, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4), current));
            }
        }
    }

    /** A ticket with its place in the queue. */
    private record TicketRow(Ticket ticket, long queuePos, int priorityClass) {
    }

    private static Optional<TicketRow> row(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET + "WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TicketRow(Rows.ticket(rs), rs.getLong(19), rs.getInt(20))) : Optional.empty();
            }
        }
    }

    private static Optional<Ticket> one(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_TICKET + where)) {
            ps.setString(1, value);
            return first(ps);
        }
    }

    private static Optional<Ticket> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.ticket(rs)) : Optional.empty();
        }
    }

    private static List<Ticket> list(PreparedStatement ps) throws SQLException {
        List<Ticket> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(Rows.ticket(rs));
            }
        }
        return result;
    }
}
