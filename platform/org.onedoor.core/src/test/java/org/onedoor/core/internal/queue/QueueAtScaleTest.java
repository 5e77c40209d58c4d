package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.testing.TestDatabases;

/**
 * The queue under concurrent load, on H2 and on PostgreSQL (127.0.0.1:5432, skipped when it does not
 * run): concurrent issues of one zone are stored in one transaction (group commit) and still numbered
 * without gaps; concurrent calls of windows of one zone, of the universal windows and of other zones
 * claim their tickets with SKIP LOCKED and call every ticket exactly once, with gap-free event numbers.
 */
class QueueAtScaleTest {

    /** A clock that moves: the tickets of one transaction share its instant. */
    private static final Clock NOW = Clock.system(ZoneId.of("Asia/Shanghai"));

    private static TicketRequest ticketOf(String zone, String key) {
        return new TicketRequest(zone, "", "", TicketPriority.NORMAL, "", "", key);
    }

    @Test
    void issuesWaitingForTheZoneAreCommittedTogetherOnH2() throws Exception {
        issuesWaitingForTheZoneAreCommittedTogether(TestStore.migrated());
    }

    @Test
    void issuesWaitingForTheZoneAreCommittedTogetherOnPostgres() throws Exception {
        onPostgres(this::issuesWaitingForTheZoneAreCommittedTogether);
    }

    @Test
    void concurrentIssuesAndCallsCallEveryTicketOnceOnH2() throws Exception {
        concurrentIssuesAndCallsCallEveryTicketOnce(TestStore.migrated());
    }

    @Test
    void concurrentIssuesAndCallsCallEveryTicketOnceOnPostgres() throws Exception {
        onPostgres(this::concurrentIssuesAndCallsCallEveryTicketOnce);
    }

    private void issuesWaitingForTheZoneAreCommittedTogether(DataSource ds) {
        try {
            QueueFixture hall = new QueueFixture(ds, 1, NOW);
            hall.queue.issue(ticketOf("tax", ""));
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<IssuedTicket>> issues = new ArrayList<>();
            try (Connection holder = ds.getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement("UPDATE queue_seq SET last_value = last_value WHERE scope = 'zone:tax'")) {
                    assertEquals(1, lock.executeUpdate());
                }
                for (int i = 0; i < 30; i++) {
                    String key = i == 29 ? "same-key" : i == 28 ? "same-key" : "";
                    issues.add(pool.submit(() -> hall.queue.issue(ticketOf("tax", key))));
                }
                Thread.sleep(1500); // the first waits for the lock held here, the others for the first
                for (Future<IssuedTicket> f : issues) {
                    assertFalse(f.isDone(), "no ticket is acknowledged before its transaction committed");
                }
                holder.commit();
            }
            List<IssuedTicket> answers = new ArrayList<>();
            for (Future<IssuedTicket> f : issues) {
                answers.add(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdownNow();
            IssuedTicket a = answers.get(28);
            IssuedTicket b = answers.get(29);
            assertEquals(a.ticket().id(), b.ticket().id(), "one idempotency key, one ticket, also within one batch");
            assertTrue(a.replayed() != b.replayed(), "one of the two is the replay");
            List<String> numbers = hall.queue.waitingTickets("tax").stream().map(Ticket::number).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                expected.add(String.format("H%03d", i));
            }
            assertEquals(expected, numbers, "gap-free numbers, in issue order");
            Set<String> acknowledged = new HashSet<>();
            answers.forEach(t -> acknowledged.add(t.ticket().number()));
            assertEquals(new HashSet<>(expected.subList(1, 30)), acknowledged);
            for (IssuedTicket t : answers) {
                if (!t.replayed()) {
                    assertEquals(hall.queue.waiting(t.ticket().id()).orElseThrow().position(), t.waiting().position(),
                            "the place told at issue is the ticket's place " + t.ticket().number());
                }
            }
            // the 29 waiting requests were stored together: their tickets carry one transaction's instant
            Set<Object> instants = new HashSet<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT issued_at FROM ticket WHERE zone_id = 'tax' AND ticket_no <> 'H001'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    instants.add(rs.getTimestamp(1));
                }
            }
            assertTrue(instants.size() <= 2, "the waiting issues were committed in at most two transactions: " + instants);
            assertEquals(30L, hall.queue.lastZoneSeqs().get("tax"), "one event per ticket, gap-free");
            assertZoneSeqsGapFree(hall.events);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void concurrentIssuesAndCallsCallEveryTicketOnce(DataSource ds) {
        try {
            QueueFixture hall = new QueueFixture(ds, 1, NOW);
            int[] windows = {97, 98, 99, 100, 137, 138, 89, 90};
            for (int w : windows) {
                hall.queue.signIn(w, "clerk-" + w);
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            AtomicBoolean issuing = new AtomicBoolean(true);
            Map<String, Integer> calledAt = new ConcurrentHashMap<>();
            Set<String> twice = ConcurrentHashMap.newKeySet();
            List<Future<?>> issuers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String zone = i % 2 == 0 ? "police" : "tax";
                issuers.add(pool.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        hall.queue.issue(ticketOf(zone, ""));
                    }
                    return null;
                }));
            }
            List<Future<?>> callers = new ArrayList<>();
            for (int w : windows) {
                callers.add(pool.submit(() -> {
                    while (true) {
                        Optional<Ticket> t = hall.queue.callNext(w);
                        if (t.isEmpty()) {
                            if (!issuing.get()) {
                                return null;
                            }
                            Thread.sleep(2);
                            continue;
                        }
                        if (calledAt.putIfAbsent(t.get().id(), w) != null) {
                            twice.add(t.get().number());
                        }
                        hall.queue.complete(w);
                    }
                }));
            }
            for (Future<?> f : issuers) {
                f.get(120, TimeUnit.SECONDS);
            }
            issuing.set(false);
            for (Future<?> f : callers) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            assertTrue(twice.isEmpty(), "called twice: " + twice);
            assertEquals(200, calledAt.size(), "every ticket called");
            assertTrue(hall.queue.waitingTickets("").isEmpty());
            for (String zone : List.of("police", "tax")) {
                List<Integer> seqs = new ArrayList<>();
                try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "SELECT seq FROM ticket WHERE zone_id = ? ORDER BY seq")) {
                    ps.setString(1, zone);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seqs.add(rs.getInt(1));
                        }
                    }
                }
                assertEquals(100, seqs.size());
                for (int i = 0; i < seqs.size(); i++) {
                    assertEquals(i + 1, seqs.get(i), zone + " numbers its tickets without gaps");
                }
            }
            assertZoneSeqsGapFree(hall.events);
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT zone_id, COUNT(*), COUNT(DISTINCT zone_seq), MAX(zone_seq) FROM queue_event GROUP BY zone_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(rs.getLong(2), rs.getLong(3), "zone " + rs.getString(1) + ": one number per event");
                    assertEquals(rs.getLong(2), rs.getLong(4), "zone " + rs.getString(1) + ": no gap in the stored events");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published events of each zone, in the order of their zone numbers, are 1, 2, 3, ... */
    private static void assertZoneSeqsGapFree(List<QueueEvent> events) {
        Map<String, List<Long>> byZone = new TreeMap<>();
        for (QueueEvent e : events) {
            byZone.computeIfAbsent(e.zoneId(), z -> new ArrayList<>()).add(e.zoneSeq());
        }
        byZone.forEach((zone, seqs) -> {
            List<Long> sorted = seqs.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                assertEquals(i + 1L, sorted.get(i), "zone " + zone + " publishes gap-free zone numbers");
            }
        });
    }

    /** Runs the test on a fresh PostgreSQL database (skipped without the server; under CI=true it fails). */
    private static void onPostgres(Consumer<DataSource> test) throws Exception {
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_scale")) {
            test.accept(pg.migrated());
        }
    }
}
