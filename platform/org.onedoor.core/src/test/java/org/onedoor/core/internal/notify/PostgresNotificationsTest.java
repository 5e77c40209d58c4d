package org.onedoor.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.onedoor.api.notify.DeliveryStatus;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.api.notify.NotificationView;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.store.HallDatabase;
import org.onedoor.store.testing.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two nodes on one PostgreSQL database (127.0.0.1:5432, started by .ci/run): both write the same
 * event at once and leave one row; both send from the one outbox at once, with SKIP LOCKED claims,
 * and every message reaches the centre exactly once.
 */
class PostgresNotificationsTest {

    @Test
    void twoNodesOnPostgresWriteOnceAndSendEachMessageOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_notify")) {
            PGSimpleDataSource ds = pg.migrated();
            MovableClock clock = new MovableClock(Instant.parse("2026-12-03T02:00:00Z"));
            HallNotifications a = new HallNotifications(new HallDatabase(ds), clock.hall(), HallNotifications.configOf(Map.of()),
                    new NotifyTemplates(Optional.empty()));
            HallNotifications b = new HallNotifications(new HallDatabase(ds), clock.hall(), HallNotifications.configOf(Map.of()),
                    new NotifyTemplates(Optional.empty()));

            List<Future<NotificationView>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                HallNotifications node = i % 2 == 0 ? a : b;
                writes.add(pool.submit(() -> node.enqueue("case:BJ-1:accepted", "13812345678", Locale.CHINA, "case-accepted",
                        Map.of("case", "BJ-1"))));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<NotificationView> f : writes) {
                ids.add(f.get().id());
            }
            assertEquals(1, ids.stream().distinct().count(), ids.toString());

            for (int i = 0; i < 59; i++) {
                a.enqueue("ticket:t" + i + ":called", "1390000" + String.format("%04d", i), Locale.CHINA, "called",
                        Map.of("ticket", "A" + i, "window", "2"));
            }
            NotificationsTest.Centre centre = new NotificationsTest.Centre();
            NotificationDispatch onA = dispatch(a, centre);
            NotificationDispatch onB = dispatch(b, centre);
            int sent = 0;
            for (int r = 0; r < 20 && sent < 60; r++) {
                Future<Integer> x = pool.submit(onA::round);
                Future<Integer> y = pool.submit(onB::round);
                sent += x.get() + y.get();
            }
            assertEquals(60, sent);
            assertEquals(60, centre.accepted.size());
            assertEquals(60, centre.accepted.stream().map(NotificationMessage::eventKey).distinct().count());
            assertEquals(60, a.recent(Optional.of(DeliveryStatus.SENT), 100).size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static NotificationDispatch dispatch(HallNotifications o, NotificationsTest.Centre centre) {
        NotificationDispatch d = new NotificationDispatch(o, Optional.empty());
        d.addSetting(new SenderSetting(Map.of("service.pid", "org.onedoor.notify.sender~sms1", "driver", "memory")));
        d.addFactory(centre);
        return d;
    }
}
