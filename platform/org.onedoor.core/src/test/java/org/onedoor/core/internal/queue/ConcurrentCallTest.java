package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.core.internal.zone.TestStore;

/**
 * Many windows, served by two queue services that share one database (as two nodes do), call
 * at the same time: every issued ticket is called exactly once.
 */
class ConcurrentCallTest {

    @Test
    void concurrentCallsNeverDuplicateOrLoseATicket() throws Exception {
        JdbcDataSource ds = TestStore.migrated();
        QueueFixture nodeA = new QueueFixture(ds, 1);
        QueueFixture nodeB = new QueueFixture(ds, 1);
        int tickets = 120;
        Set<String> issued = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> issuing = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            HallQueueService q = i % 2 == 0 ? nodeA.queue : nodeB.queue;
            String zone = i % 3 == 0 ? "tax" : "police";
            issuing.add(pool.submit(() -> issued.add(q.issue(new TicketRequest(zone, "", "", TicketPriority.NORMAL, "", "", ""))
                    .ticket().id())));
        }
        for (Future<?> f : issuing) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(tickets, issued.size());

        int[] windows = {89, 90, 97, 98, 99, 100, 137, 138};
        for (int w : windows) {
            (w % 2 == 0 ? nodeA : nodeB).queue.signIn(w, "clerk" + w);
        }
        Set<String> called = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calling = new ArrayList<>();
        for (int w : windows) {
            HallQueueService q = (w % 2 == 0 ? nodeA : nodeB).queue;
            calling.add(pool.submit(() -> {
                go.await();
                while (true) {
                    var next = q.callNext(w);
                    if (next.isEmpty()) {
                        return null;
                    }
                    Ticket t = next.get();
                    if (!called.add(t.id())) {
                        synchronized (duplicates) {
                            duplicates.add(t.number());
                        }
                    }
                    q.complete(w);
                }
            }));
        }
        go.countDown();
        for (Future<?> f : calling) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(), duplicates);
        assertEquals(issued, called);
        assertEquals(0, nodeA.queue.waitingTickets("").size());
    }
}
