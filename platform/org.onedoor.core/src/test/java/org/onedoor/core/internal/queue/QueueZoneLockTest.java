package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.core.internal.zone.TestStore;

/** Queue changes lock the zones they touch, not the hall: other zones go on, one zone stays serial. */
class QueueZoneLockTest {

    private static TicketRequest ticketOf(String zone) {
        return new TicketRequest(zone, "", "", TicketPriority.NORMAL, "", "", "");
    }

    @Test
    void aChangeWaitsOnlyForItsOwnZone() throws Exception {
        DataSource ds = TestStore.migrated();
        QueueFixture hall = new QueueFixture(ds, 1);
        hall.queue.issue(ticketOf("tax"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("UPDATE queue_seq SET last_value = last_value WHERE scope = 'zone:tax'")) {
                assertEquals(1, lock.executeUpdate());
            }
            Future<?> police = pool.submit(() -> hall.queue.issue(ticketOf("police")));
            police.get(5, TimeUnit.SECONDS); // another zone does not wait for tax
            Future<?> tax = pool.submit(() -> hall.queue.issue(ticketOf("tax")));
            Thread.sleep(300);
            assertFalse(tax.isDone(), "a second change of tax waits for the lock of tax");
            holder.commit();
            tax.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("H001", "H002"), hall.queue.waitingTickets("tax").stream().map(Ticket::number).toList());
        assertEquals(2L, hall.queue.lastZoneSeqs().get("tax"));
        assertEquals(1L, hall.queue.lastZoneSeqs().get("police"));
    }

    @Test
    void concurrentWindowsOfTwoZonesAndTheUniversalOnesCallEveryTicketOnce() throws Exception {
        QueueFixture hall = new QueueFixture(TestStore.migrated(), 1);
        for (int i = 0; i < 20; i++) {
            hall.queue.issue(ticketOf("police"));
            hall.queue.issue(ticketOf("tax"));
        }
        int[] windows = {97, 98, 137, 138, 89, 90};
        for (int w : windows) {
            hall.queue.signIn(w, "clerk" + w);
        }
        List<CompletableFuture<List<String>>> calls = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(windows.length);
        try {
            for (int w : windows) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    List<String> called = new ArrayList<>();
                    for (var t = hall.queue.callNext(w); t.isPresent(); t = hall.queue.callNext(w)) {
                        called.add(t.get().number());
                        hall.queue.complete(w);
                    }
                    return called;
                }, pool));
            }
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (CompletableFuture<List<String>> c : calls) {
                for (String number : c.get(60, TimeUnit.SECONDS)) {
                    assertTrue(seen.add(number), "ticket " + number + " called twice");
                    total++;
                }
            }
            assertEquals(40, total);
        } finally {
            pool.shutdownNow();
        }
        for (String zone : List.of("police", "tax", "universal")) {
            List<Long> zoneSeqs = hall.events.stream().filter(e -> e.zoneId().equals(zone)).map(QueueEvent::zoneSeq).sorted().toList();
            for (int i = 0; i < zoneSeqs.size(); i++) {
                assertEquals(i + 1, zoneSeqs.get(i), "zone " + zone + " numbers its events without gaps");
            }
            assertEquals(zoneSeqs.get(zoneSeqs.size() - 1), hall.queue.lastZoneSeqs().get(zone));
        }
    }
}
