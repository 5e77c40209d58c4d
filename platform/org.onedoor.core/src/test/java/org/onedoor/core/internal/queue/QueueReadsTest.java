package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.testing.TestDatabases;

/**
 * What the queue shows without changing it, on H2 and on PostgreSQL alike: the windows with the ticket
 * each calls or serves, a waiting ticket's place and wait (recent service time, open windows), the
 * waiting lists, tickets by number and the last event numbers.
 */
class QueueReadsTest {

    /** A clock the test moves forward; starts Friday 2026-11-27, 10:00 in the hall. */
    private static final class StepClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-27T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return QueueFixture.HALL_ZONE; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void onH2() {
        readsOfABusyMorning(TestStore.migrated());
    }

    @Test
    void onPostgres() throws Exception {
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_queue_reads")) {
            readsOfABusyMorning(pg.migrated());
        }
    }

    private static IssuedTicket issue(HallQueueService queue, String zone) {
        return queue.issue(new TicketRequest(zone, "", "", TicketPriority.NORMAL, "", "", ""));
    }

    private static void readsOfABusyMorning(DataSource ds) {
        StepClock clock = new StepClock();
        QueueFixture hall = new QueueFixture(ds, 1, clock);
        HallQueueService queue = hall.queue;
        Ticket g1 = issue(queue, "police").ticket();
        Ticket g2 = issue(queue, "police").ticket();
        Ticket g3 = issue(queue, "police").ticket();
        Ticket h1 = issue(queue, "tax").ticket();
        Ticket h2 = issue(queue, "tax").ticket();
        queue.signIn(97, "clerk1");
        queue.signIn(98, "clerk2");
        queue.signIn(137, "clerk3");

        assertEquals(g1.id(), queue.callNext(97).orElseThrow().id());
        queue.start(97);
        clock.advance(Duration.ofMinutes(10));
        queue.complete(97);                                    // one police service of 10 minutes
        assertEquals(g2.id(), queue.callNext(97).orElseThrow().id());
        assertEquals(h1.id(), queue.callNext(137).orElseThrow().id());
        queue.start(137);
        queue.pause(98, true);                                 // police is served at one open window: 97

        List<WindowSession> windows = queue.windows();
        assertEquals(List.of(97, 98, 137), windows.stream().map(WindowSession::windowNumber).toList());
        assertEquals(List.of("clerk1", "clerk2", "clerk3"), windows.stream().map(WindowSession::clerk).toList());
        assertEquals(List.of(false, true, false), windows.stream().map(WindowSession::paused).toList());
        assertEquals(List.of(Optional.of(g2.id()), Optional.<String>empty(), Optional.of(h1.id())),
                windows.stream().map(w -> w.current().map(Ticket::id)).toList());
        assertEquals(TicketStatus.SERVING, windows.get(2).current().orElseThrow().status());
        assertEquals(g2.id(), queue.session(97).orElseThrow().current().orElseThrow().id());
        assertTrue(queue.session(98).orElseThrow().current().isEmpty());
        assertFalse(queue.session(99).isPresent());

        assertEquals(Optional.of(new WaitingInfo(1, WaitEstimate.minutes(1, 10, 1))), queue.waiting(g3.id()));
        assertEquals(Optional.empty(), queue.waiting(g1.id()), "done");
        assertEquals(Optional.empty(), queue.waiting(g2.id()), "called");
        IssuedTicket g4 = issue(queue, "police");
        assertEquals(new WaitingInfo(2, WaitEstimate.minutes(2, 10, 1)), g4.waiting(), "the issue reads the same wait");

        assertEquals(g3.id(), queue.ticketByNumber("g003").orElseThrow().id());
        assertEquals(TicketStatus.DONE, queue.ticket(g1.id()).orElseThrow().status());
        assertEquals(137, queue.ticket(h1.id()).orElseThrow().windowNumber());
        assertEquals(List.of(g3.id(), g4.ticket().id()), queue.waitingTickets("police").stream().map(Ticket::id).toList());
        assertEquals(List.of(g3.id(), h2.id(), g4.ticket().id()), queue.waitingTickets("").stream().map(Ticket::id).toList());

        List<QueueEvent> events = hall.events;
        assertEquals(events.size(), queue.lastSeq());
        Map<String, Long> lastPerZone = events.stream().filter(e -> !e.zoneId().isEmpty())
                .collect(Collectors.toMap(QueueEvent::zoneId, QueueEvent::zoneSeq, Math::max));
        assertEquals(lastPerZone, queue.lastZoneSeqs());
    }
}
