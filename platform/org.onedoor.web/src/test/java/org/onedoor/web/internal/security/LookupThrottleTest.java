package org.onedoor.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseBundles;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.HallCases;
import org.onedoor.web.internal.HallHttpServer;
import org.onedoor.web.internal.MutableClock;
import org.onedoor.web.internal.TestConfigs;
import org.onedoor.web.internal.cases.CitizenCaseRoutes;

/** Wrong case look-ups are limited per client address and in total, not per case. */
public class LookupThrottleTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void anAddressThatGuessesWaitsWhileOthersDoNot() {
        LookupThrottle t = new LookupThrottle(10, 1000, clock);
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, t.waitBefore("10.0.0.9"));
            t.failed("10.0.0.9");
        }
        assertEquals(Duration.ofSeconds(1), t.waitBefore("10.0.0.9"));
        assertEquals(Duration.ZERO, t.waitBefore("10.0.0.5"), "the citizen at another address looks up at once");
        clock.advance(Duration.ofSeconds(1));
        t.failed("10.0.0.9");
        assertEquals(Duration.ofSeconds(2), t.waitBefore("10.0.0.9"), "the back-off doubles");
        clock.advance(Duration.ofHours(2));
        assertEquals(Duration.ZERO, t.waitBefore("10.0.0.9"), "the count fades");
    }

    @Test
    void guessesSpreadOverManyAddressesMeetTheOverallCeiling() {
        LookupThrottle t = new LookupThrottle(10, 20, clock);
        for (int i = 0; i < 20; i++) {
            t.failed("10.0.1." + i);
        }
        assertTrue(t.waitBefore("10.0.2.1").compareTo(Duration.ZERO) > 0);
        clock.advance(Duration.ofMinutes(3)); // 20 an hour: one comes back every three minutes
        assertEquals(Duration.ZERO, t.waitBefore("10.0.2.1"));
    }

    @Test
    void theLookUpRouteRefusesAnAddressAfterItsWrongLookUps() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HallHttpServer server = new HallHttpServer(TestConfigs.web(port, 4096));
        try {
            server.addContributor(new CitizenCaseRoutes(nothingMatches(HallCases.class), nothingMatches(CaseBundles.class),
                    nothingMatches(CaseEvaluations.class), new LookupLimitConfig() {
                        @Override public Class<? extends Annotation> annotationType() { return LookupLimitConfig.class; }
                        @Override public int lookupFailuresPerAddress() { return 3; }
                        @Override public int lookupFailuresPerHour() { return 1000; }
                    }, clock));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i <= 3; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/lookup"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"A17-20261127-000" + i + "\",\"checkCode\":\"123456\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (i < 3) {
                    assertEquals(404, r.statusCode(), r.body());
                } else {
                    assertEquals(429, r.statusCode(), r.body());
                    assertEquals("lookup-throttled", new JsonObject(r.body()).getString("code"));
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                }
            }
        } finally {
            server.stop();
        }
    }

    /** A service whose look-ups find nothing. */
    private static <T> T nothingMatches(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(LookupThrottleTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getReturnType() == Optional.class ? Optional.empty() : null));
    }
}
