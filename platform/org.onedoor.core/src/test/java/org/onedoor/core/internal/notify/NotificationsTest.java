package org.onedoor.core.internal.notify;

import org.onedoor.api.notify.NotificationView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.notify.DeliveryReport;
import org.onedoor.api.notify.DeliveryStatus;
import org.onedoor.api.notify.NotificationException;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.api.notify.NotificationSender;
import org.onedoor.api.notify.NotificationSenderFactory;
import org.onedoor.api.notify.SendReceipt;
import org.onedoor.api.notify.SenderContext;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/**
 * The notification outbox on a real migrated database: one message per event key (also when two
 * nodes write it at once), claims that let two nodes send each message once, retries with backoff,
 * receipts, opt-out, the hourly limit per number, templates from the operator's folder, and the
 * hooks on queue and case events.
 */
class NotificationsTest {

    private static final String PHONE = "13812345678";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final DataSource ds = TestStore.migrated();
    private final HallDatabase database = new HallDatabase(ds);
    private final HallNotifications outbox = outbox(Map.of());

    private HallNotifications outbox(Map<String, Object> config) {
        return new HallNotifications(database, clock.hall(), HallNotifications.configOf(config), new NotifyTemplates(Optional.empty()));
    }

    /** A message centre in memory: accepts unless told to fail, and remembers what it accepted. */
    static final class Centre implements NotificationSenderFactory {
        final List<NotificationMessage> accepted = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile boolean reject;
        volatile SenderContext context;
        final AtomicInteger disposed = new AtomicInteger();

        @Override
        public String driverId() {
            return "memory";
        }

        @Override
        public NotificationSender create(SenderContext ctx) {
            context = ctx;
            return new NotificationSender() {
                @Override
                public SendReceipt send(NotificationMessage m) throws NotificationException {
                    if (reject) {
                        throw NotificationException.rejected("number barred");
                    }
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new NotificationException("centre busy", null);
                    }
                    accepted.add(m);
                    return new SendReceipt("m" + accepted.size(), 1);
                }

                @Override
                public void dispose() {
                    disposed.incrementAndGet();
                }
            };
        }
    }

    private static SenderSetting setting(String id, String driver) {
        return new SenderSetting(Map.of("service.pid", "org.onedoor.notify.sender~" + id, "driver", driver, "host", "127.0.0.1"));
    }

    private NotificationDispatch dispatch(HallNotifications o, Centre centre) {
        NotificationDispatch d = new NotificationDispatch(o, Optional.empty());
        d.addSetting(setting("sms1", "memory"));
        d.addFactory(centre);
        return d;
    }

    private NotificationView called(String key) {
        return outbox.enqueue(key, PHONE, Locale.CHINA, "called", Map.of("ticket", "A012", "window", "3"));
    }

    @Test
    void oneEventKeyIsOneMessageRenderedFromItsTemplateWithThePhoneMasked() {
        NotificationView first = called("ticket:t1:called");
        NotificationView again = called("ticket:t1:called");

        assertEquals(first.id(), again.id());
        assertEquals(1, outbox.recent(Optional.empty(), 10).size());
        assertEquals(DeliveryStatus.QUEUED, first.state());
        assertEquals("138****5678", first.maskedPhone());
        assertEquals("请A012号到3号窗口办理。", database.withHandle(h -> NotifyStore.byKey(h, "ticket:t1:called")).orElseThrow().text());
        assertFalse(first.toString().contains(PHONE), first.toString());
    }

    @Test
    void twoNodesWritingTheSameEventAtOnceLeaveOneRow() throws Exception {
        HallNotifications other = outbox(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<NotificationView>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                HallNotifications node = i % 2 == 0 ? outbox : other;
                Callable<NotificationView> write = () -> node.enqueue("case:BJ-1:accepted", PHONE, Locale.CHINA, "case-accepted",
                        Map.of("case", "BJ-1"));
                done.add(pool.submit(write));
            }
            long ids = done.stream().map(f -> {
                try {
                    return f.get().id();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).distinct().count();
            assertEquals(1, ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, outbox.recent(Optional.empty(), 10).size());
    }

    @Test
    void nothingIsClaimedWhileNoSenderHasItsDriver() {
        called("ticket:t1:called");
        NotificationDispatch d = new NotificationDispatch(outbox, Optional.empty());
        d.addSetting(setting("sms1", "smpp"));
        d.addFactory(new Centre()); // driver "memory", not "smpp"

        assertEquals(0, d.round());
        NotificationView v = outbox.find("ticket:t1:called").orElseThrow();
        assertEquals(DeliveryStatus.QUEUED, v.state());
        assertEquals(0, v.attempts());
    }

    @Test
    void aBusyCentreIsRetriedWithDoublingBackoffThenTheReceiptMarksItDelivered() {
        Centre centre = new Centre();
        centre.failuresLeft.set(2);
        NotificationDispatch d = dispatch(outbox, centre);
        called("ticket:t1:called");

        assertEquals(0, d.round());
        NotificationView v = outbox.find("ticket:t1:called").orElseThrow();
        assertEquals(1, v.attempts());
        assertEquals(clock.instant().plusSeconds(30), v.nextAttemptAt(), "first retry after firstRetrySeconds");
        assertEquals("centre busy", v.note());

        assertEquals(0, d.round(), "not due yet");
        assertEquals(1, outbox.find("ticket:t1:called").orElseThrow().attempts());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, d.round());
        assertEquals(clock.instant().plusSeconds(60), outbox.find("ticket:t1:called").orElseThrow().nextAttemptAt(), "doubled");

        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, d.round());
        v = outbox.find("ticket:t1:called").orElseThrow();
        assertEquals(DeliveryStatus.SENT, v.state());
        assertEquals(3, v.attempts());
        assertEquals("m1", v.messageId());
        assertEquals("sms1", v.senderId());
        assertEquals(1, centre.accepted.size());
        assertEquals(PHONE, centre.accepted.get(0).phone());

        centre.context.delivered(new DeliveryReport("m1", true, "DELIVRD"));
        assertEquals(DeliveryStatus.DELIVERED, outbox.find("ticket:t1:called").orElseThrow().state());
        assertEquals(0, d.round(), "a sent message is not sent again");
        assertEquals(1, centre.accepted.size());
    }

    @Test
    void backoffIsCappedAndAttemptsRunOut() {
        HallNotifications o = outbox(Map.of("maxAttempts", 3, "firstRetrySeconds", 100, "maxRetrySeconds", 150));
        assertEquals(100, o.backoffSeconds(1));
        assertEquals(150, o.backoffSeconds(2));
        assertEquals(150, o.backoffSeconds(10));

        Centre centre = new Centre();
        centre.failuresLeft.set(100);
        NotificationDispatch d = dispatch(o, centre);
        o.enqueue("ticket:t9:called", PHONE, Locale.CHINA, "called", Map.of("ticket", "A9", "window", "1"));
        for (int i = 0; i < 5; i++) {
            d.round();
            clock.advance(Duration.ofSeconds(200));
        }
        NotificationView v = o.find("ticket:t9:called").orElseThrow();
        assertEquals(DeliveryStatus.FAILED, v.state());
        assertEquals(3, v.attempts());
    }

    @Test
    void aRejectedMessageIsGivenUpAtOnce() {
        Centre centre = new Centre();
        centre.reject = true;
        NotificationDispatch d = dispatch(outbox, centre);
        called("ticket:t1:called");

        d.round();
        NotificationView v = outbox.find("ticket:t1:called").orElseThrow();
        assertEquals(DeliveryStatus.FAILED, v.state());
        assertEquals(1, v.attempts());
        assertEquals("number barred", v.note());
    }

    @Test
    void twoNodesSendingFromOneOutboxSendEachMessageOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox.enqueue("ticket:t" + i + ":called", "1390000" + String.format("%04d", i), Locale.CHINA, "called",
                    Map.of("ticket", "A" + i, "window", "2"));
        }
        Centre centre = new Centre();
        NotificationDispatch a = dispatch(outbox, centre);
        NotificationDispatch b = dispatch(outbox(Map.of()), centre);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int sent = 0;
        try {
            // both nodes run rounds at once until nothing is left; on H2 a round that meets the
            // other node's claim in progress may find nothing (it skips the locked rows), a later one goes on
            for (int r = 0; r < 20 && sent < 40; r++) {
                Future<Integer> fromA = pool.submit(a::round);
                Future<Integer> fromB = pool.submit(b::round);
                sent += fromA.get() + fromB.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, sent);
        assertEquals(40, centre.accepted.size());
        assertEquals(40, centre.accepted.stream().map(NotificationMessage::eventKey).distinct().count());
        assertEquals(40, outbox.recent(Optional.of(DeliveryStatus.SENT), 100).size());
    }

    @Test
    void swappingTheDriverBetweenRoundsLosesAndDoublesNothing() {
        Centre first = new Centre();
        NotificationDispatch d = dispatch(outbox, first);
        for (int i = 0; i < 30; i++) {
            outbox.enqueue("ticket:s" + i + ":called", "1370000" + String.format("%04d", i), Locale.CHINA, "called",
                    Map.of("ticket", "A" + i, "window", "1"));
        }
        assertEquals(20, d.round(), "one batch through the first driver");
        d.removeFactory(first);
        assertEquals(1, first.disposed.get(), "the removed driver's sender is disposed");
        assertEquals(0, d.round(), "no driver: nothing claimed");
        assertEquals(10, outbox.recent(Optional.of(DeliveryStatus.QUEUED), 100).size());

        Centre second = new Centre();
        d.addFactory(second);
        assertEquals(10, d.round());
        assertEquals(30, first.accepted.size() + second.accepted.size());
        List<String> keys = new ArrayList<>();
        first.accepted.forEach(m -> keys.add(m.eventKey()));
        second.accepted.forEach(m -> keys.add(m.eventKey()));
        assertEquals(30, keys.stream().distinct().count());
    }

    @Test
    void aSenderConfigurationKeepsOnlyTheDriversOwnProperties() {
        var c = SenderSetting.read(Map.of("service.pid", "org.onedoor.notify.sender~smsc-1", "service.factoryPid", "org.onedoor.notify.sender",
                "felix.fileinstall.filename", "file:/etc/x.cfg", "component.id", 7L, "driver", "smpp", "host", "10.0.0.9"));
        assertEquals("smsc-1", c.id());
        assertEquals("smpp", c.driver());
        assertEquals(Map.of("host", "10.0.0.9"), c.properties());
    }

    @Test
    void anOptedOutNumberGetsNothingNotEvenWhatWasAlreadyQueued() {
        Centre centre = new Centre();
        NotificationDispatch d = dispatch(outbox, centre);
        called("ticket:t1:called");
        outbox.optOut("138-1234-5678", "kiosk");

        d.round();
        assertEquals(0, centre.accepted.size());
        assertEquals("opted-out", outbox.find("ticket:t1:called").orElseThrow().note());
        assertEquals(DeliveryStatus.FAILED, called("ticket:t2:called").state());

        assertTrue(outbox.optIn(PHONE));
        assertEquals(DeliveryStatus.QUEUED, called("ticket:t3:called").state());
    }

    @Test
    void aNumberGetsAtMostItsHourlyLimit() {
        HallNotifications o = outbox(Map.of("perNumberPerHour", 2));
        String[] keys = {"ticket:a:called", "ticket:b:called", "ticket:c:called"};
        List<DeliveryStatus> states = new ArrayList<>();
        for (String k : keys) {
            states.add(o.enqueue(k, PHONE, Locale.CHINA, "called", Map.of("ticket", "A1", "window", "1")).state());
        }
        assertEquals(List.of(DeliveryStatus.QUEUED, DeliveryStatus.QUEUED, DeliveryStatus.FAILED), states);
        assertTrue(o.find("ticket:c:called").orElseThrow().note().startsWith("rate-limited"));
        assertEquals(DeliveryStatus.QUEUED, o.enqueue("ticket:x:called", "13900000000", Locale.CHINA, "called",
                Map.of("ticket", "A1", "window", "1")).state(), "another number is not limited");

        clock.advance(Duration.ofMinutes(61));
        assertEquals(DeliveryStatus.QUEUED, o.enqueue("ticket:d:called", PHONE, Locale.CHINA, "called",
                Map.of("ticket", "A1", "window", "1")).state(), "an hour later the number may be sent to again");
    }

    @Test
    void theOperatorsTemplateFileWinsAndAnUnfilledPlaceholderIsRefused(@TempDir Path etc) throws Exception {
        NotifyTemplates shipped = new NotifyTemplates(Optional.of(etc));
        assertEquals("Ticket A1: please go to window 4.", shipped.render("called", Locale.ENGLISH, Map.of("ticket", "A1", "window", "4")));
        assertEquals("您的办件BJ-1已办结，结果可以领取。", shipped.render("result-ready", Locale.FRENCH, Map.of("case", "BJ-1")),
                "a language without a template falls back to Chinese");

        Files.writeString(etc.resolve("called.zh.txt"), "【市民之家】{ticket}号请到{window}号窗口\n", StandardCharsets.UTF_8);
        assertEquals("【市民之家】A1号请到4号窗口", shipped.render("called", Locale.CHINA, Map.of("ticket", "A1", "window", "4")));

        Files.writeString(etc.resolve("called.zh.txt"), "{ticket}号请到{windw}号窗口", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shipped.render("called", Locale.CHINA, Map.of("ticket", "A1", "window", "4")));
        assertTrue(e.getMessage().contains("{windw}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> shipped.render("../secret", Locale.CHINA, Map.of()));
    }

    @Test
    void aCalledTicketAndAnAcceptedCaseNotifyTheirSubscribersOnce() {
        NotificationHooks hooks = new NotificationHooks(outbox, listener -> () -> { }, listener -> () -> { });
        outbox.subscribe("ticket:t-77", PHONE, Locale.CHINA);
        outbox.subscribe("case:BJ-20261203-0001", "13900001111", Locale.ENGLISH);

        Instant now = clock.instant();
        hooks.onQueue(new QueueEvent(1, 1, "CALLED", "real-estate", "B007", "t-77", 5, now));
        hooks.onQueue(new QueueEvent(2, 2, "CALLED", "real-estate", "B007", "t-77", 5, now));
        hooks.onQueue(new QueueEvent(3, 3, "CALLED", "real-estate", "B008", "t-78", 5, now)); // nobody subscribed
        hooks.onCase(new CaseEvent("ACCEPTED", "BJ-20261203-0001", "", "A17", "ACCEPTED", 5, now));
        hooks.onCase(new CaseEvent("RESULT_READY", "BJ-20261203-0001", "", "A17", "RESULT_READY", 5, now));
        hooks.onCase(new CaseEvent("STEP_DONE", "BJ-20261203-0001", "", "A17", "IN_PROGRESS", 5, now));

        List<NotificationView> rows = outbox.recent(Optional.empty(), 10);
        assertEquals(List.of("case:BJ-20261203-0001:result-ready", "case:BJ-20261203-0001:accepted", "ticket:t-77:called"),
                rows.stream().map(NotificationView::eventKey).toList());
        assertEquals("请B007号到5号窗口办理。",
                database.withHandle(h -> NotifyStore.byKey(h, "ticket:t-77:called")).orElseThrow().text());
        assertEquals("Your case BJ-20261203-0001 has been accepted; track it with its case number.",
                database.withHandle(h -> NotifyStore.byKey(h, "case:BJ-20261203-0001:accepted")).orElseThrow().text());
    }
}
