package org.onedoor.notify.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.onedoor.api.notify.NotificationView;
import org.onedoor.core.internal.notify.HallNotifications;
import org.onedoor.core.internal.notify.NotificationDispatch;
import org.onedoor.core.internal.notify.NotificationHooks;
import org.onedoor.core.internal.notify.SenderSetting;
import org.onedoor.core.internal.time.HallScheduler;
import org.onedoor.store.HallDatabase;

/**
 * The whole path on real parts: a case event reaches the node's outbox (core, migrated H2), its
 * dispatcher hands the message to this driver, which POSTs it to a local gateway; a gateway that is
 * overloaded once gets the message again after the backoff, and it is recorded SENT once.
 */
class HttpGatewayEndToEndTest {

    @TempDir
    Path templates;

    private final TestGateway gateway = start();
    private final HallScheduler scheduler = new HallScheduler();
    private HallNotifications outbox;
    private NotificationDispatch dispatch;
    private Consumer<CaseEvent> cases;

    private static TestGateway start() {
        try {
            return new TestGateway();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        if (dispatch != null) {
            dispatch.stop();
        }
        gateway.close();
    }

    @Test
    void aResultReadyIsPostedOnceAfterTheGatewayWasBusyOnce() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history").load().migrate();
        outbox = new HallNotifications(new HallDatabase(ds), HallClock.of(Clock.systemUTC()),
                HallNotifications.configOf(Map.of("templateDir", templates.toString(), "pollSeconds", 1, "firstRetrySeconds", 1)));
        new NotificationHooks(outbox, l -> () -> { }, l -> {
            cases = l;
            return () -> { };
        });
        dispatch = new NotificationDispatch(outbox, scheduler);
        dispatch.addSetting(new SenderSetting(Map.of("service.pid", "org.onedoor.notify.sender~gateway", "driver", "http",
                "url", gateway.url(), "secret", "s3cret")));
        dispatch.addFactory(new HttpGatewaySenderFactory());
        gateway.answerNext(503, "{\"error\":\"busy\"}");
        outbox.subscribe("case:BJ-20261203-0002", "13812345678", Locale.CHINA);

        cases.accept(new CaseEvent("RESULT_READY", "BJ-20261203-0002", "", "A17", "RESULT_READY", 5, Instant.now()));

        List<TestGateway.Received> got = gateway.awaitReceived(2, Duration.ofSeconds(15));
        assertEquals(2, got.size(), "busy once, then accepted");
        assertEquals(got.get(0).body(), got.get(1).body(), "the same message again");
        assertTrue(got.get(1).body().contains("\"text\":\"您的办件BJ-20261203-0002已办结，结果可以领取。\""), got.get(1).body());
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        NotificationView v = outbox.find("case:BJ-20261203-0002:result-ready").orElseThrow();
        while (v.state() != DeliveryStatus.SENT && System.nanoTime() < end) {
            Thread.sleep(50);
            v = outbox.find("case:BJ-20261203-0002:result-ready").orElseThrow();
        }
        assertEquals(DeliveryStatus.SENT, v.state());
        assertEquals("gw-1", v.messageId());
        assertEquals("gateway", v.senderId());
        assertEquals(2, v.attempts());
        assertEquals("138****5678", v.maskedPhone());
        Thread.sleep(1500);
        assertEquals(2, gateway.received().size(), "nothing more once accepted");
    }
}
