package org.onedoor.notify.smpp.internal;

import org.onedoor.api.notify.NotificationView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.notify.DeliveryStatus;
import org.onedoor.api.notify.SenderConfig;
import org.onedoor.api.notify.SenderContext;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.core.internal.notify.HallNotifications;
import org.onedoor.core.internal.notify.NotificationDispatch;
import org.onedoor.core.internal.notify.NotificationHooks;
import org.onedoor.core.internal.notify.SenderSetting;
import org.onedoor.core.internal.time.HallScheduler;
import org.onedoor.notify.smpp.simulator.ReceivedSms;
import org.onedoor.notify.smpp.simulator.SmppCentreSimulator;
import org.onedoor.store.HallDatabase;

/**
 * The whole path on real parts: a hall event reaches the node's outbox (core, on a migrated H2
 * store), its dispatcher hands the message to this SMPP driver, which binds to the simulated
 * centre over TCP and submits it; the centre decodes the PDU's bytes and records text and
 * destination; its delivery receipt comes back and marks the message DELIVERED.
 */
class SmppEndToEndTest {

    private static final String PHONE = "13812345678";

    @TempDir
    Path templates;

    private final SmppCentreSimulator centre = start();
    private final HallScheduler scheduler = new HallScheduler();
    private Consumer<QueueEvent> queue;
    private Consumer<CaseEvent> cases;
    private HallNotifications outbox;
    private NotificationDispatch dispatch;

    private static SmppCentreSimulator start() {
        try {
            return new SmppCentreSimulator(0, "onedoor", "secret");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void node(Map<String, Object> senderProperties) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history").load().migrate();
        outbox = new HallNotifications(new HallDatabase(ds), HallClock.of(Clock.systemUTC()),
                HallNotifications.configOf(Map.of("templateDir", templates.toString(), "pollSeconds", 1, "firstRetrySeconds", 1)));
        new NotificationHooks(outbox, l -> {
            queue = l;
            return () -> { };
        }, l -> {
            cases = l;
            return () -> { };
        });
        dispatch = new NotificationDispatch(outbox, scheduler);
        Map<String, Object> p = new HashMap<>(Map.of("service.pid", "org.onedoor.notify.sender~smsc", "driver", "smpp",
                "host", "127.0.0.1", "port", Integer.toString(centre.port()), "systemId", "onedoor", "password", "secret",
                "sourceAddress", "106900001234"));
        p.putAll(senderProperties);
        dispatch.addSetting(new SenderSetting(p));
        dispatch.addFactory(new SmppSenderFactory());
    }

    @AfterEach
    void stop() {
        if (dispatch != null) {
            dispatch.stop();
        }
        centre.close();
    }

    private DeliveryStatus awaitState(String key, DeliveryStatus wanted) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        DeliveryStatus now = null;
        while (System.nanoTime() < end) {
            now = outbox.find(key).map(NotificationView::state).orElse(null);
            if (now == wanted) {
                return now;
            }
            Thread.sleep(50);
        }
        return now;
    }

    @Test
    void aResultReadyReachesTheCentreAsUcs2ChineseAndItsReceiptMarksItDelivered() throws Exception {
        node(Map.of());
        outbox.subscribe("case:BJ-20261203-0001", PHONE, Locale.CHINA);

        cases.accept(new CaseEvent("RESULT_READY", "BJ-20261203-0001", "", "A17", "RESULT_READY", 5, Instant.now()));

        ReceivedSms sms = centre.awaitReceived(1, Duration.ofSeconds(15)).get(0);
        assertEquals(PHONE, sms.destination());
        assertEquals("106900001234", sms.source());
        assertEquals(8, sms.dataCoding(), "UCS2");
        assertEquals("您的办件BJ-20261203-0001已办结，结果可以领取。", sms.text());
        assertTrue(sms.hexParts().get(0).startsWith("60a87684529e4ef6"), "您的办件 in UTF-16BE: " + sms.hexParts());

        assertEquals(DeliveryStatus.DELIVERED, awaitState("case:BJ-20261203-0001:result-ready", DeliveryStatus.DELIVERED));
        NotificationView v = outbox.find("case:BJ-20261203-0001:result-ready").orElseThrow();
        assertEquals(sms.messageId(), v.messageId());
        assertEquals("smsc", v.senderId());
        assertEquals("138****5678", v.maskedPhone());
        assertEquals(1, centre.submits());
    }

    @Test
    void aLongOperatorTemplateGoesAsConcatenatedPartsAndAThrottledSubmitIsRetriedOnce() throws Exception {
        Files.writeString(templates.resolve("called.zh.txt"),
                "【市民之家】请{ticket}号到{window}号窗口办理。" + "请携带本人身份证原件及全部申请材料，到窗口后出示短信或小票，过号须重新取号，谢谢配合。".repeat(3),
                StandardCharsets.UTF_8);
        node(Map.of("bindType", "TX"));
        centre.refuseNext(1, 0x58); // ESME_RTHROTTLED
        outbox.subscribe("ticket:t-77", PHONE, Locale.CHINA);

        queue.accept(new QueueEvent(1, 1, "CALLED", "real-estate", "B007", "t-77", 5, Instant.now()));
        queue.accept(new QueueEvent(2, 2, "RECALLED", "real-estate", "B007", "t-77", 5, Instant.now()));
        queue.accept(new QueueEvent(3, 3, "CALLED", "real-estate", "B007", "t-77", 5, Instant.now()));

        List<ReceivedSms> got = centre.awaitReceived(1, Duration.ofSeconds(15));
        ReceivedSms sms = got.get(0);
        assertTrue(sms.text().startsWith("【市民之家】请B007号到5号窗口办理。请携带本人身份证原件"), sms.text());
        assertEquals(3, sms.parts().size(), "149 characters need three parts of at most 67");
        assertTrue(sms.hexParts().get(1).startsWith("050003"), "a concatenation header: " + sms.hexParts().get(1));
        assertEquals(DeliveryStatus.SENT, awaitState("ticket:t-77:called", DeliveryStatus.SENT), "TX: no receipt comes back");
        NotificationView v = outbox.find("ticket:t-77:called").orElseThrow();
        assertEquals(2, v.attempts(), "throttled once, then accepted");
        Thread.sleep(1500);
        assertEquals(1, centre.received().size(), "one message for the called ticket, not one per call");
        assertEquals(1, outbox.recent(Optional.empty(), 10).size());
    }

    @Test
    void aBadSenderConfigurationIsRefusedNamingTheProperty() {
        SmppSenderFactory factory = new SmppSenderFactory();
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> factory.create(context(Map.of("host", "h",
                "systemId", "onedoor", "sourceAddress", "1069", "passwrd", "x"))));
        assertTrue(typo.getMessage().contains("passwrd"), typo.getMessage());
        IllegalArgumentException bind = assertThrows(IllegalArgumentException.class, () -> factory.create(context(Map.of("host", "h",
                "systemId", "onedoor", "sourceAddress", "1069", "bindType", "RX"))));
        assertTrue(bind.getMessage().contains("bindType"), bind.getMessage());
    }

    private static SenderContext context(Map<String, String> properties) {
        SenderConfig config = new SenderConfig("smsc", "smpp", properties);
        return new SenderContext() {
            @Override
            public SenderConfig config() {
                return config;
            }

            @Override
            public void delivered(org.onedoor.api.notify.DeliveryReport report) {
            }
        };
    }
}
