package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.zone.Zone;
import org.onedoor.core.internal.zone.TestStore;

/**
 * Two halls on one database: the default hall (police G at windows 97-100, tax, universal) and
 * Xiping (police G at windows 1-2, universal at 3): each numbers its tickets, windows and events on its
 * own, a window calls only its hall's tickets, and a change in one hall does not wait for the other.
 */
class HallsQueueTest {

    static final Hall XIPING = new Hall("xiping", "西平县便民服务中心", "Xiping County Service Center", "西平县");

    private DataSource ds;
    private QueueFixture fixture;
    private HallQueueService zhumadian;
    private HallQueueService xiping;

    private static TicketRequest ticketOf(String zone) {
        return new TicketRequest(zone, "", "", TicketPriority.NORMAL, "", "", "");
    }

    private static Zone inXiping(Zone zone) {
        var d = zone.descriptor().inHall(XIPING.id());
        return () -> d;
    }

    @BeforeEach
    void twoHalls() {
        ds = TestStore.migrated();
        fixture = new QueueFixture(ds, 1);
        fixture.zones.add(inXiping(QueueFixture.zone("police", "G", false, 1, 2)));
        fixture.zones.add(inXiping(QueueFixture.zone("universal", "F", true, 3, 3)));
        zhumadian = fixture.queue;
        zhumadian.halls = new HallDirectory() {
            @Override public List<Hall> halls() { return List.of(defaultHall(), XIPING); }
            @Override public Optional<Hall> hall(String id) { return halls().stream().filter(h -> h.id().equals(id)).findFirst(); }
            @Override public Hall defaultHall() { return new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", ""); }
        };
        xiping = zhumadian.inHall("xiping");
    }

    @Test
    void aZoneOfTheSameIdNumbersItsTicketsInEachHall() {
        Ticket a1 = zhumadian.issue(ticketOf("police")).ticket();
        Ticket b1 = xiping.issue(ticketOf("police")).ticket();
        Ticket a2 = zhumadian.issue(ticketOf("police")).ticket();
        Ticket b2 = xiping.issue(ticketOf("police")).ticket();
        assertEquals(List.of("G001", "G002"), List.of(a1.number(), a2.number()));
        assertEquals(List.of("G001", "G002"), List.of(b1.number(), b2.number()));
        assertEquals(a1.id(), zhumadian.ticketByNumber("G001").orElseThrow().id());
        assertEquals(b1.id(), xiping.ticketByNumber("G001").orElseThrow().id());
        assertTrue(xiping.ticket(a1.id()).isEmpty(), "a hall does not show another hall's ticket");
        assertEquals(1, xiping.waiting(b1.id()).orElseThrow().position());
        assertEquals(2, zhumadian.waiting(a2.id()).orElseThrow().position());
        assertEquals(List.of(b1.id(), b2.id()), xiping.waitingTickets("").stream().map(Ticket::id).toList());
        assertEquals(2L, zhumadian.lastZoneSeqs().get("police"));
        assertEquals(2L, xiping.lastZoneSeqs().get("police"));
        assertEquals(Set.of("police"), xiping.lastZoneSeqs().keySet());
        assertTrue(fixture.events.stream().filter(e -> e.ticketId().equals(b1.id())).allMatch(e -> e.hallId().equals("xiping")));
        assertTrue(fixture.events.stream().filter(e -> e.ticketId().equals(a1.id())).allMatch(e -> e.hallId().equals(Hall.DEFAULT_ID)));
    }

    @Test
    void aCallInOneHallTakesOnlyThatHallsTicket() {
        Ticket a1 = zhumadian.issue(ticketOf("police")).ticket();
        Ticket b1 = xiping.issue(ticketOf("police")).ticket();
        xiping.signIn(1, "clerk-b");
        assertEquals(b1.id(), xiping.callNext(1).orElseThrow().id());
        assertEquals(TicketStatus.WAITING, zhumadian.ticket(a1.id()).orElseThrow().status());
        xiping.complete(1);
        assertTrue(xiping.callNext(1).isEmpty(), "hall B has nobody waiting: hall A's G001 is not called there");
        xiping.signIn(3, "clerk-u");
        assertTrue(xiping.callNext(3).isEmpty(), "a universal window calls only its own hall's queue");
        zhumadian.signIn(89, "clerk-a");
        assertEquals(a1.id(), zhumadian.callNext(89).orElseThrow().id());
    }

    @Test
    void windowsAreNumberedPerHall() {
        QueueException unknown = assertThrows(QueueException.class, () -> xiping.signIn(97, "clerk"));
        assertEquals("unknown-window", unknown.code());
        assertEquals("unknown-window", assertThrows(QueueException.class, () -> zhumadian.signIn(1, "clerk")).code());
        xiping.signIn(2, "clerk-b");
        assertEquals(List.of(2), xiping.windows().stream().map(w -> w.windowNumber()).toList());
        assertTrue(zhumadian.windows().isEmpty());
        assertFalse(zhumadian.session(97).isPresent());
        // Transfers stay in the hall: hall A's tax zone is not a zone of Xiping.
        xiping.issue(ticketOf("police"));
        xiping.callNext(2);
        assertEquals("unknown-zone", assertThrows(QueueException.class, () -> xiping.transfer(2, "tax", 0)).code());
    }

    @Test
    void anUnknownHallIsNotFound() {
        QueueException e = assertThrows(QueueException.class, () -> zhumadian.inHall("nowhere"));
        assertEquals(QueueException.Reason.NOT_FOUND, e.reason());
        assertEquals("unknown-hall", e.code());
        assertSame(zhumadian, zhumadian.inHall(Hall.DEFAULT_ID));
        assertSame(zhumadian, xiping.inHall(Hall.DEFAULT_ID));
        assertSame(xiping, zhumadian.inHall("xiping"));
        HallQueue asQueue = zhumadian;
        assertSame(xiping, asQueue.inHall("xiping"));
    }

    @Test
    void aChangeInOneHallDoesNotWaitForTheSameZoneOfAnother() throws Exception {
        zhumadian.issue(ticketOf("police"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("UPDATE queue_seq SET last_value = last_value WHERE scope = 'zone:police'")) {
                assertEquals(1, lock.executeUpdate());
            }
            Future<Ticket> other = pool.submit(() -> xiping.issue(ticketOf("police")).ticket());
            assertEquals("G001", other.get(5, TimeUnit.SECONDS).number()); // hall B's police does not wait for hall A's
            Future<?> same = pool.submit(() -> zhumadian.issue(ticketOf("police")));
            Thread.sleep(300);
            assertFalse(same.isDone(), "a second change of hall A's police waits for its lock");
            holder.commit();
            same.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void windowsOfBothHallsCallingAtOnceCallEveryTicketOnceInItsOwnHall() throws Exception {
        for (int i = 0; i < 15; i++) {
            zhumadian.issue(ticketOf("police"));
            xiping.issue(ticketOf("police"));
        }
        record Desk(HallQueueService hall, int window) {
        }
        List<Desk> desks = List.of(new Desk(zhumadian, 97), new Desk(zhumadian, 89), new Desk(xiping, 1), new Desk(xiping, 3));
        for (Desk d : desks) {
            d.hall().signIn(d.window(), "clerk" + d.window());
        }
        ExecutorService pool = Executors.newFixedThreadPool(desks.size());
        List<CompletableFuture<List<String>>> calls = new ArrayList<>();
        try {
            for (Desk d : desks) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    List<String> called = new ArrayList<>();
                    for (var t = d.hall().callNext(d.window()); t.isPresent(); t = d.hall().callNext(d.window())) {
                        called.add((d.hall() == xiping ? "B" : "A") + t.get().id());
                        d.hall().complete(d.window());
                    }
                    return called;
                }, pool));
            }
            Set<String> seen = new HashSet<>();
            for (CompletableFuture<List<String>> c : calls) {
                for (String called : c.get(60, TimeUnit.SECONDS)) {
                    assertTrue(seen.add(called.substring(1)), "ticket called twice");
                    Optional<Ticket> there = (called.startsWith("B") ? xiping : zhumadian).ticket(called.substring(1));
                    assertTrue(there.isPresent(), "a window called a ticket of another hall");
                }
            }
            assertEquals(30, seen.size());
        } finally {
            pool.shutdownNow();
        }
        for (String hall : List.of(Hall.DEFAULT_ID, "xiping")) {
            List<Long> zoneSeqs = fixture.events.stream().filter(e -> e.hallId().equals(hall) && e.zoneId().equals("police"))
                    .map(QueueEvent::zoneSeq).sorted().toList();
            for (int i = 0; i < zoneSeqs.size(); i++) {
                assertEquals(i + 1, zoneSeqs.get(i), "hall " + hall + " numbers police's events without gaps");
            }
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT hall_id, COUNT(*) FROM ticket WHERE status = 'DONE' GROUP BY hall_id ORDER BY hall_id");
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("xiping", rs.getString(1));
            assertEquals(15, rs.getInt(2));
            assertTrue(rs.next());
            assertEquals(Hall.DEFAULT_ID, rs.getString(1));
            assertEquals(15, rs.getInt(2));
        }
    }
}
