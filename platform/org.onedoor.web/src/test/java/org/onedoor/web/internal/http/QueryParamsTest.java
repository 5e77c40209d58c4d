package org.onedoor.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.stats.QueueStatistics;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.HallHttpServer;
import org.onedoor.web.internal.TestConfigs;
import org.onedoor.web.internal.queue.StatsRoutes;

/** Query parameters are checked like body fields: once, as text, within their length; the problem names the parameter. */
public class QueryParamsTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HallHttpServer server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.web(port, 1024));
        Handler<RoutingContext> pass = RoutingContext::next;
        WebAccess access = (WebAccess) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {WebAccess.class},
                (p, m, a) -> m.getName().equals("requireAnyRole") ? pass : null);
        QueueStatistics none = (QueueStatistics) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {QueueStatistics.class}, (p, m, a) -> List.of());
        server.addContributor(new StatsRoutes(none, access, org.onedoor.api.hall.HallClock.of(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stats/queue" + query))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(String query, String parameter, String says) throws Exception {
        HttpResponse<String> r = get(query);
        assertEquals(400, r.statusCode(), query + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(r.body());
        assertEquals("invalid-parameter", problem.getString("code"), r.body());
        assertEquals(parameter, problem.getString("field"), r.body());
        assertTrue(problem.getString("detail").contains(says), r.body());
        assertTrue(r.body().length() < 1000, "the value is not echoed back: " + r.body().length());
    }

    @Test
    void aGoodQueryPasses() throws Exception {
        assertEquals(200, get("?day=2026-11-27").statusCode());
        assertEquals(200, get("").statusCode());
        // the route still checks what the value means, with its own code
        assertEquals("invalid-day", new JsonObject(get("?day=27.11.2026").body()).getString("code"));
    }

    @Test
    void tooLongRepeatedOrNotTextIsRefusedNamingTheParameter() throws Exception {
        assertRefused("?day=2026-11-270", "day", "at most 10 characters");
        assertRefused("?day=2026-11-27&day=2026-11-28", "day", "more than once");
        assertRefused("?zone=" + "z".repeat(65), "zone", "at most 64 characters");
        assertRefused("?department=A17%00", "department", "control character");
        assertRefused("?note=" + "x".repeat(5000), "note", "at most 256 characters");
    }

    @Test
    void everyParameterARouteReadsHasABound() {
        for (String name : List.of("zone", "department", "state", "action", "actor", "limit", "days", "day", "from", "to", "month",
                "number", "device", "q")) {
            assertTrue(QueryParams.MAX.containsKey(name), name);
        }
    }
}
