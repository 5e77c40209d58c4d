package org.onedoor.core.internal.queue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.OutsideOfficeHoursException;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.core.internal.hours.HoursMessages;

/**
 * Issuing tickets: the request is checked (green-channel reason, appointment id, matter offered),
 * the ticket gets its zone's next number of the hall day and is stored, under the zone's lock,
 * before it is acknowledged; a repeated request with the same idempotency key gets the ticket back.
 * Concurrent requests of one zone are stored together ({@link GroupCommit}): one transaction, one
 * lock and one step of the zone's counters for all of them.
 */
final class TicketIssuing {

    /** The most tickets of one zone stored in one transaction. */
    static final int MAX_BATCH = 64;

    private final QueueStore store;
    private final QueueChanges changes;
    private final HallWindows windows;
    private final QueueReads reads;
    private final Set<String> greenChannel;
    private final Supplier<MatterCatalog> catalog;
    private final Supplier<OfficeHours> hours;
    /** The issues waiting for their zone's next group commit, per zone. */
    private final Map<String, GroupCommit<Request, IssuedTicket>> batches = new ConcurrentHashMap<>();

    TicketIssuing(QueueStore store, QueueChanges changes, HallWindows windows, QueueReads reads, Set<String> greenChannel,
            Supplier<MatterCatalog> catalog, Supplier<OfficeHours> hours) {
        this.store = store;
        this.changes = changes;
        this.windows = windows;
        this.reads = reads;
        this.greenChannel = greenChannel;
        this.catalog = catalog;
        this.hours = hours;
    }

    IssuedTicket issue(TicketRequest r) {
        ZoneDescriptor zone = windows.openZone(r.zoneId());
        check(r);
        return batches.computeIfAbsent(zone.id(), id -> new GroupCommit<>(MAX_BATCH, batch -> issueAll(id, batch)))
                .submit(new Request(r, zone));
    }

    /** One ticket request, its zone open when it came. */
    private record Request(TicketRequest r, ZoneDescriptor zone) {
    }

    /** What the batch decided for one request before the numbers are taken. */
    private static final class Plan {
        private final Request request;
        private IssuedTicket replayed;
        private IssuedTicket issued;
        private RuntimeException refused;
        /** A fresh ticket: its place among the batch's fresh tickets, or of the earlier request with the same key. */
        private int fresh = -1;
        private int sameAs = -1;

        Plan(Request request) {
            this.request = request;
        }
    }

    /**
     * Issues the requests of one zone in one transaction (group commit): the zone's lock and its
     * number range are taken once ({@code last_number + n}), its event numbers too, every ticket is
     * stored, and only after the commit is each caller answered. A request refused on its own (an
     * idempotency key of another hall, outside the office hours) is answered with its refusal and
     * takes no number; a repeated key gets its stored ticket back (also the second of two requests
     * with one key in the same batch). A failure of the transaction fails every request of it: none
     * of them is acknowledged.
     */
    private List<GroupCommit.Outcome<IssuedTicket>> issueAll(String zoneId, List<Request> batch) {
        List<Plan> plans = new ArrayList<>();
        changes.change(List.of(zoneId), (c, events) -> {
            plans.clear();
            LocalDate day = store.today();
            Map<String, Integer> keysInBatch = new HashMap<>();
            List<Plan> fresh = new ArrayList<>();
            for (Request q : batch) {
                Plan p = new Plan(q);
                plans.add(p);
                TicketRequest r = q.r();
                try {
                    if (!r.idempotencyKey().isEmpty()) {
                        Integer earlier = keysInBatch.get(r.idempotencyKey());
                        if (earlier != null) {
                            p.sameAs = earlier;
                            continue;
                        }
                        Optional<Ticket> stored = Rows.byKey(events.handle(), store.hallId(), r.idempotencyKey());
                        if (stored.isPresent()) {
                            p.replayed = new IssuedTicket(stored.get(), new WaitingInfo(0, 0), true);
                            continue;
                        }
                        if (Rows.byKey(events.handle(), r.idempotencyKey()).isPresent()) {
                            throw QueueStore.conflict("idempotency-key-reused", "幂等键已用于另一大厅的取号 / the Idempotency-Key was used "
                                    + "for a ticket of another hall; send a new key");
                        }
                    }
                    refuseOutsideHours(zoneId, r.priority());
                    p.fresh = fresh.size();
                    fresh.add(p);
                    if (!r.idempotencyKey().isEmpty()) {
                        keysInBatch.put(r.idempotencyKey(), p.fresh);
                    }
                } catch (QueueException e) {
                    p.refused = e;
                }
            }
            if (fresh.isEmpty()) {
                return null;
            }
            Map<Integer, Integer> waitingBefore = reads.waitingByClass(events.handle(), day, zoneId);
            int first = takeNumbers(events.handle(), store.hallId(), zoneId, day, fresh.size());
            List<QueueStore.Draft> drafts = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                Request q = fresh.get(i).request;
                String id = UUID.randomUUID().toString();
                ids.add(id);
                drafts.add(new QueueStore.Draft("ISSUED", zoneId, TicketNumbers.format(q.zone().letter(), first + i), id, 0));
            }
            List<QueueEvent> issued = events.emitAll(zoneId, drafts);
            PreparedBatch insert = events.handle().prepareBatch("INSERT INTO ticket (id, ticket_no, zone_id, issued_zone_id, "
                    + "hall_day, seq, priority, priority_class, green_reason, appointment_id, category, matter_code, queue_pos, status, "
                    + "window_no, for_window, no_shows, issued_at, idempotency_key, hall_id, kiosk_id) VALUES (:id, :number, :zone, :zone, :day, "
                    + ":seq, :priority, :class, :green, :appointment, :category, :matter, :pos, 'WAITING', 0, 0, 0, :at, :key, :hall, :kiosk)");
            QueueReads.ZoneWait wait = reads.zoneWait(events.handle(), zoneId);
            Map<Integer, Integer> ahead = new TreeMap<>(waitingBefore);
            for (int i = 0; i < fresh.size(); i++) {
                Plan p = fresh.get(i);
                TicketRequest r = p.request.r();
                String green = r.priority() == TicketPriority.GREEN ? r.greenReason().toUpperCase(Locale.ROOT) : "";
                String appointment = r.priority() == TicketPriority.APPOINTMENT ? r.appointmentId() : "";
                int priorityClass = r.priority().ordinal();
                insert.bind("id", ids.get(i)).bind("number", drafts.get(i).ticketNumber()).bind("zone", zoneId)
                        .bind("day", Date.valueOf(day)).bind("seq", first + i).bind("priority", r.priority().name())
                        .bind("class", priorityClass).bind("green", green).bind("appointment", appointment)
                        .bind("category", r.category()).bind("matter", r.matterCode()).bind("pos", issued.get(i).seq())
                        .bind("at", Timestamp.from(events.at()))
                        .bind("key", r.idempotencyKey().isEmpty() ? null : r.idempotencyKey()).bind("hall", store.hallId())
                        .bind("kiosk", r.kiosk()).add();
                // its place: every ticket of a class before it, and of its own class (all issued before it)
                int position = 1 + ahead.entrySet().stream().filter(e -> e.getKey() <= priorityClass).mapToInt(Map.Entry::getValue).sum();
                ahead.merge(priorityClass, 1, Integer::sum);
                Ticket t = new Ticket(ids.get(i), drafts.get(i).ticketNumber(), zoneId, zoneId, day, r.priority(), green, appointment,
                        r.category(), r.matterCode(), TicketStatus.WAITING, 0, 0, 0, events.at(), Optional.empty(), Optional.empty(),
                        Optional.empty(), r.kiosk());
                p.issued = new IssuedTicket(t, wait.at(position), false);
            }
            insert.execute();
            return null;
        });
        List<GroupCommit.Outcome<IssuedTicket>> outcomes = new ArrayList<>();
        for (Plan p : plans) {
            if (p.refused != null) {
                outcomes.add(GroupCommit.Outcome.failed(p.refused));
            } else if (p.sameAs >= 0) {
                Ticket t = plans.stream().filter(o -> o.fresh == p.sameAs).findFirst().orElseThrow().issued.ticket();
                outcomes.add(GroupCommit.Outcome.of(new IssuedTicket(t, waitingOf(t), true)));
            } else if (p.fresh >= 0) {
                outcomes.add(GroupCommit.Outcome.of(p.issued));
            } else {
                Ticket t = p.replayed.ticket();
                outcomes.add(GroupCommit.Outcome.of(new IssuedTicket(t, waitingOf(t), true)));
            }
        }
        return outcomes;
    }

    private WaitingInfo waitingOf(Ticket t) {
        return reads.waiting(t.id()).orElse(new WaitingInfo(0, 0));
    }

    /** @return the first of the zone's next {@code n} ticket numbers of the day: its counter row moves once, under the zone's lock */
    private static int takeNumbers(Handle h, String hallId, String zoneId, LocalDate day, int n) {
        int updated = h.createUpdate("UPDATE ticket_counter SET last_number = last_number + :n "
                + "WHERE hall_id = :hall AND zone_id = :zone AND hall_day = :day")
                .bind("n", n).bind("hall", hallId).bind("zone", zoneId).bind("day", Date.valueOf(day)).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO ticket_counter (hall_id, zone_id, hall_day, last_number) VALUES (:hall, :zone, :day, :n)")
                    .bind("n", n).bind("hall", hallId).bind("zone", zoneId).bind("day", Date.valueOf(day)).execute();
            return 1;
        }
        return h.createQuery("SELECT last_number FROM ticket_counter WHERE hall_id = :hall AND zone_id = :zone AND hall_day = :day")
                .bind("hall", hallId).bind("zone", zoneId).bind("day", Date.valueOf(day)).mapTo(Integer.class).one() - n + 1;
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
        MatterCatalog c = catalog.get();
        if (!r.matterCode().isEmpty() && c != null && c.matter(r.matterCode()).isEmpty()) {
            throw QueueStore.invalid("unknown-matter", "no matter '" + r.matterCode() + "' is offered in the hall");
        }
    }

    /**
     * Outside the office hours a new ticket is refused, after the replay look-up (a retry of a stored
     * request gets its ticket), and a checked-in appointment is not (R13).
     */
    private void refuseOutsideHours(String zoneId, TicketPriority priority) {
        OfficeHours h = hours.get();
        if (h == null || priority == TicketPriority.APPOINTMENT) {
            return;
        }
        HoursStatus s = h.now(store.hallId(), zoneId);
        if (!s.takesTickets()) {
            throw new OutsideOfficeHoursException(HoursMessages.closed(s), s.nextOpening().orElse(null));
        }
    }
}
