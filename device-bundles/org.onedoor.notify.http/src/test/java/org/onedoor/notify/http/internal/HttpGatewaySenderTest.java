package org.onedoor.notify.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.notify.NotificationException;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.api.notify.NotificationSender;
import org.onedoor.api.notify.SendReceipt;
import org.onedoor.api.notify.SenderConfig;
import org.onedoor.api.notify.SenderContext;

/** The HTTP gateway driver against a local gateway: the body, its escaping, the signature, and how answers count. */
class HttpGatewaySenderTest {

    private static final String PHONE = "13812345678";
    private final TestGateway gateway = start();

    private static TestGateway start() {
        try {
            return new TestGateway();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    static SenderContext context(Map<String, String> properties) {
        SenderConfig config = new SenderConfig("gw", "http", properties);
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

    private NotificationSender sender(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("url", gateway.url(), "secret", "s3cret-key"));
        p.putAll(extra);
        return new HttpGatewaySenderFactory().create(context(p));
    }

    private static NotificationMessage message(String text) {
        return new NotificationMessage("case:BJ-1:result-ready", PHONE, "result-ready", Locale.SIMPLIFIED_CHINESE, text);
    }

    private static String hmac(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void postsTheJsonBodyWithTheTextEscapedAndSignsIt() throws Exception {
        SendReceipt r = sender(Map.of()).send(message("您的办件\"BJ-1\"已办结，\\结果\n可以领取。"));

        TestGateway.Received got = gateway.received().get(0);
        assertEquals("POST", got.method());
        assertEquals("{\"to\":\"13812345678\",\"text\":\"您的办件\\\"BJ-1\\\"已办结，\\\\结果\\n可以领取。\",\"key\":\"case:BJ-1:result-ready\"}",
                got.body());
        assertTrue(got.header("Content-Type").startsWith("application/json"), got.header("Content-Type"));
        assertEquals("case:BJ-1:result-ready", got.header("Idempotency-Key"));
        String ts = got.header("X-Timestamp");
        assertTrue(Math.abs(Long.parseLong(ts) - System.currentTimeMillis() / 1000) < 60, ts);
        assertEquals("sha256=" + hmac("s3cret-key", ts + "\n" + got.body()), got.header("X-Signature"));
        assertFalse(got.header("X-Signature").equals("sha256=" + hmac("other", ts + "\n" + got.body())));
        assertEquals("gw-1", r.messageId());
        assertEquals(1, r.parts());
    }

    @Test
    void aFormBodyIsUrlEncodedUnderOwnHeadersAndAnUnsignedSenderSendsNoSignature() throws Exception {
        sender(Map.of("contentType", "application/x-www-form-urlencoded", "secret", "",
                "bodyTemplate", "mobile={phone}&content={text}&lang={language}&tpl={template}")).send(message("取件码 8&8=16"));
        TestGateway.Received got = gateway.received().get(0);
        Map<String, String> form = Arrays.stream(got.body().split("&")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
        assertEquals(Map.of("mobile", PHONE, "content", "取件码 8&8=16", "lang", "zh", "tpl", "result-ready"), form);
        assertEquals(null, got.header("X-Signature"));
    }

    @Test
    void refusalsAreForGoodAndOverloadOrFailureIsRetried() throws Exception {
        NotificationSender s = sender(Map.of("timeoutMillis", "500"));
        gateway.answerNext(400, "{\"error\":\"bad number\"}");
        NotificationException bad = assertThrows(NotificationException.class, () -> s.send(message("x")));
        assertTrue(bad.isRejected());
        assertTrue(bad.getMessage().contains("138****5678") && !bad.getMessage().contains(PHONE), bad.getMessage());
        for (int status : new int[] {429, 503, 408}) {
            gateway.answerNext(status, "busy");
            NotificationException busy = assertThrows(NotificationException.class, () -> s.send(message("x")));
            assertFalse(busy.isRejected(), status + ": " + busy.getMessage());
        }
        gateway.answerNextSlowly(1500);
        NotificationException slow = assertThrows(NotificationException.class, () -> s.send(message("x")));
        assertFalse(slow.isRejected());
        assertTrue(slow.getMessage().contains("500 ms"), slow.getMessage());
        gateway.answerNext(200, "{\"messageId\": 12345}");
        assertEquals("12345", s.send(message("x")).messageId());
        gateway.answerNext(202, "accepted");
        assertEquals("case:BJ-1:result-ready", s.send(message("x")).messageId(), "no id in the answer: the event key stands for it");
    }

    @Test
    void aClosedGatewayIsRetriedNotRejected() throws Exception {
        NotificationSender s = sender(Map.of());
        gateway.close();
        NotificationException down = assertThrows(NotificationException.class, () -> s.send(message("x")));
        assertFalse(down.isRejected());
    }

    @Test
    void aBadConfigurationIsRefusedNamingTheProperty() {
        HttpGatewaySenderFactory f = new HttpGatewaySenderFactory();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.create(context(Map.of("url", "ftp://x/y"))))
                .getMessage().contains("url"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.create(context(Map.of("url", gateway.url(),
                "bodyTemplate", "{\"to\":\"{phone}\",\"text\":\"{txt}\"}")))).getMessage().contains("{txt}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.create(context(Map.of("url", gateway.url(),
                "bodyTemplate", "to={phone}")))).getMessage().contains("{text}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.create(context(Map.of("url", gateway.url(),
                "timeoutMillis", "5")))).getMessage().contains("timeoutMillis"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.create(context(Map.of("url", gateway.url(),
                "secrett", "x")))).getMessage().contains("secrett"));
    }
}
