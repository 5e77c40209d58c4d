package org.onedoor.core.internal.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.core.internal.staff.WindowTrainingGate;
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
 * first served; a ticket sent to one window is that window's first. The DS service signs clerks in
 * and out, pauses windows and transfers tickets; issuing ({@link TicketIssuing}), serving at a
 * window ({@link WindowCalls}) and the reads ({@link QueueReads}) are theirs, every change going
 * through {@link QueueChanges}, which holds the zone locks. A clerk signs in only past the staff
 * registry's gate ({@link WindowTrainingGate}: R15 dispatch, R16 pre-job training).
 *
 * <p>The DS service is the default hall's queue; {@link #inHall} gives another hall's, with its own
 * zones, window numbers, ticket numbers, locks and events (table columns {@code hall_id}, V77).
 */
@Component(service = {HallQueue.class, WindowDesk.class}, configurationPid = "org.onedoor.queue",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = QueueConfig.class)
public final class HallQueueService implements HallQueue, WindowDesk {

    /** The hall's time zone: a ticket's day is the hall's calendar day. */

    private final String hallId;
    private final QueueStore store;
    private final ZoneDirectory zones;
    private final QueueEventHub hub;
    private final QueueConfig config;
    /** The default hall's service, which holds the references; this one for the default hall. */
    private final HallQueueService root;
    /** The queues of the other halls, made on first use (on the default hall's service only). */
    private final Map<String, HallQueueService> otherHalls = new ConcurrentHashMap<>();
    private final HallWindows windows;
    private final QueueChanges changes;
    private final QueueReads reads;
    private final TicketIssuing issuing;
    private final WindowCalls calls;
    private final SignInGate signInGate;

    /** The halls the node serves; without them (a unit test) only the default hall. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls; // package-private: tests set it

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatterCatalog catalog;

    /** The office hours (R21); without them (a unit test) tickets are issued at any time. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OfficeHours hours; // package-private: HallQueueServiceTest sets it

    @Activate
    public HallQueueService(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource,
            @Reference ZoneDirectory zones, @Reference QueueEventHub hub, @Reference WindowTrainingGate gate, @Reference HallClock hallClock,
            QueueConfig config) {
        this(dataSource, zones, hub, config, hallClock.clock(), gate::check);
    }

    HallQueueService(DataSource dataSource, ZoneDirectory zones, QueueEventHub hub, QueueConfig config, Clock clock) {
        this(dataSource, zones, hub, config, clock, SignInGate.NONE);
    }

    /** @param signInGate refuses a clerk's sign-in at a window (R15, R16, zone, roster) by throwing {@link org.onedoor.api.queue.QueueException} */
    HallQueueService(DataSource dataSource, ZoneDirectory zones, QueueEventHub hub, QueueConfig config, Clock clock,
            SignInGate signInGate) {
        this(new QueueStore(dataSource, clock), zones, hub, config, null, signInGate);
    }

    /** The queue of the store's hall; {@code root} is the default hall's service, null when this is it. */
    private HallQueueService(QueueStore store, ZoneDirectory zones, QueueEventHub hub, QueueConfig config, HallQueueService root,
            SignInGate signInGate) {
        this.signInGate = signInGate;
        this.hallId = store.hallId();
        this.store = store;
        this.zones = zones;
        this.hub = hub;
        this.config = config;
        this.root = root == null ? this : root;
        this.windows = new HallWindows(zones, hallId);
        this.changes = new QueueChanges(store, windows, hub);
        this.reads = new QueueReads(store, windows, config);
        Set<String> greenChannel = Arrays.stream(config.greenChannel().split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        HallQueueService holder = this.root;
        this.issuing = new TicketIssuing(store, changes, windows, reads, greenChannel, () -> holder.catalog, () -> holder.hours);
        this.calls = new WindowCalls(store, changes, config);
    }

    // ---- halls ---------------------------------------------------------------------------

    @Override
    public HallQueueService inHall(String otherHallId) {
        if (hallId.equals(otherHallId)) {
            return this;
        }
        if (Hall.DEFAULT_ID.equals(otherHallId)) {
            return root;
        }
        HallDirectory directory = root.halls;
        if (otherHallId == null || directory == null || directory.hall(otherHallId).isEmpty()) {
            throw QueueStore.notFound("unknown-hall", "没有大厅 '" + otherHallId + "' / no hall '" + otherHallId + "' is served here");
        }
        return root.otherHalls.computeIfAbsent(otherHallId,
                id -> new HallQueueService(store.forHall(id), zones, hub, config, root, signInGate));
    }

    // ---- tickets -------------------------------------------------------------------------

    @Override
    public IssuedTicket issue(TicketRequest r) {
        return issuing.issue(r);
    }

    @Override
    public Optional<Ticket> ticket(String id) {
        return reads.ticket(id);
    }

    @Override
    public Optional<Ticket> ticketByNumber(String number) {
        return reads.ticketByNumber(number);
    }

    @Override
    public Optional<WaitingInfo> waiting(String id) {
        return reads.waiting(id);
    }

    @Override
    public List<Ticket> waitingTickets(String zoneId) {
        return reads.waitingTickets(zoneId);
    }

    @Override
    public List<WindowSession> windows() {
        return reads.windows();
    }

    @Override
    public long lastSeq() {
        return reads.lastSeq();
    }

    @Override
    public Map<String, Long> lastZoneSeqs() {
        return reads.lastZoneSeqs();
    }

    // ---- windows -------------------------------------------------------------------------

    @Override
    public WindowSession signIn(int window, String clerk) {
        ZoneDescriptor zone = windows.openZoneOfWindow(window);
        if (clerk == null || clerk.isBlank()) {
            throw QueueStore.invalid("invalid-clerk", "a clerk signs in under a user name");
        }
        return changes.change(window, List.of(zone.id()), (c, events) -> {
            signInGate.check(c, hallId, clerk, window, zone.id(), store.today());
            Optional<WindowSession> held = Rows.sessionOf(events.handle(), hallId, window);
            if (held.isPresent() && !held.get().clerk().equals(clerk)) {
                String other = held.get().clerk();
                throw QueueStore.conflict("window-held", "窗口 " + window + " 已由 " + other + " 签到；请 " + other
                        + " 先签退，或由管理员/运营人员将该窗口签退 / window " + window + " is held by " + other + ": " + other
                        + " signs out first, or an admin or operator signs the window out");
            }
            // the same clerk signing in again keeps the session's row (which changes at the window lock)
            events.handle().createUpdate(held.isPresent()
                    ? "UPDATE window_session SET zone_id = :zone, clerk = :clerk, signed_in_at = :at, paused = FALSE "
                            + "WHERE window_no = :window AND hall_id = :hall"
                    : "INSERT INTO window_session (window_no, zone_id, clerk, signed_in_at, paused, hall_id) "
                            + "VALUES (:window, :zone, :clerk, :at, FALSE, :hall)")
                    .bind("window", window).bind("zone", zone.id()).bind("clerk", clerk).bind("at", Timestamp.from(events.at()))
                    .bind("hall", hallId).execute();
            events.emit("WINDOW_OPEN", zone.id(), "", "", window);
            return Rows.sessionOf(events.handle(), hallId, window).orElseThrow();
        });
    }

    @Override
    public void signOut(int window) {
        signOut(window, null);
    }

    void signOut(int window, String clerk) {
        changes.change(window, changes.zoneOfWindow(window), (c, events) -> {
            WindowSession s = changes.requireSession(events.handle(), window, clerk);
            Optional<Ticket> current = s.current();
            if (current.isPresent() && current.get().status() == TicketStatus.SERVING) {
                throw QueueStore.conflict("window-serving", "ticket " + current.get().number()
                        + " is being served at window " + window + "; complete or transfer it before signing out");
            }
            if (current.isPresent()) {
                events.lock(current.get().zoneId());
                WindowCalls.requeue(events, current.get().id(), false, "REQUEUED", current.get().zoneId());
            }
            events.handle().createUpdate("DELETE FROM window_session WHERE window_no = :window AND hall_id = :hall")
                    .bind("window", window).bind("hall", hallId).execute();
            events.emit("WINDOW_CLOSED", s.zoneId(), "", "", window);
            return null;
        });
    }

    @Override
    public Optional<Ticket> callNext(int window) {
        return calls.callNext(window, null);
    }

    @Override
    public Ticket recall(int window) {
        return calls.recall(window, null);
    }

    @Override
    public Ticket noShow(int window) {
        return calls.noShow(window, null);
    }

    @Override
    public Ticket transfer(int window, String toZone, int toWindow) {
        return transfer(window, toZone, toWindow, null);
    }

    Ticket transfer(int window, String toZone, int toWindow, String clerk) {
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
        List<String> zones = new ArrayList<>(changes.zoneOfWindow(window));
        if (!target.isEmpty()) {
            zones.add(target);
        }
        return changes.change(window, zones, (c, events) -> {
            WindowSession s = changes.requireSession(events.handle(), window, clerk);
            Ticket t = s.current().orElseThrow(() -> QueueStore.conflict("no-current-ticket",
                    "window " + window + " has no ticket to transfer"));
            String zone = target.isEmpty() ? t.zoneId() : target;
            events.lock(t.zoneId());
            events.lock(zone);
            events.handle().createUpdate("UPDATE ticket SET status = 'WAITING', window_no = 0, zone_id = :zone, for_window = :toWindow"
                    + " WHERE id = :id").bind("zone", zone).bind("toWindow", toWindow).bind("id", t.id()).execute();
            events.emit("TRANSFERRED", zone, t.number(), t.id(), toWindow);
            return Rows.byId(events.handle(), t.id()).orElseThrow();
        });
    }

    @Override
    public Ticket start(int window) {
        return calls.start(window, null);
    }

    @Override
    public Ticket complete(int window) {
        return calls.complete(window, null);
    }

    @Override
    public WindowSession pause(int window, boolean paused) {
        return pause(window, paused, null);
    }

    WindowSession pause(int window, boolean paused, String clerk) {
        return changes.change(window, changes.zoneOfWindow(window), (c, events) -> {
            WindowSession s = changes.requireSession(events.handle(), window, clerk);
            events.handle().createUpdate("UPDATE window_session SET paused = :paused WHERE window_no = :window AND hall_id = :hall")
                    .bind("paused", paused).bind("window", window).bind("hall", hallId).execute();
            events.emit(paused ? "WINDOW_PAUSED" : "WINDOW_RESUMED", s.zoneId(), "", "", window);
            return Rows.sessionOf(events.handle(), hallId, window).orElseThrow();
        });
    }

    @Override
    public Optional<WindowSession> session(int window) {
        return reads.session(window);
    }

    @Override
    public WindowDesk as(String clerk) {
        if (clerk == null || clerk.isBlank()) {
            throw QueueStore.invalid("invalid-clerk", "a clerk acts under a user name");
        }
        return new ClerkDesk(this, calls, clerk);
    }
}
