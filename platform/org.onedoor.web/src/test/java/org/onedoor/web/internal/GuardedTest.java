package org.onedoor.web.internal;

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
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.stats.QueueStatistics;
import org.onedoor.api.stats.ZoneQueueDay;
import org.onedoor.web.Guarded;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.queue.StatsRoutes;

/**
 * A route whose blocking work succeeds but whose callback then throws (here the queue figures with a
 * zone missing, read as null): the request is answered once with a 500 problem document rather than
 * left open until the client gives up.
 */
public class GuardedTest {

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
        QueueStatistics broken = (QueueStatistics) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {QueueStatistics.class}, (p, m, a) -> Arrays.asList((ZoneQueueDay) null));
        server.addContributor(new StatsRoutes(broken, access, org.onedoor.api.hall.HallClock.of(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aCallbackThatThrowsAnswersA500ProblemDocument() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stats/queue"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(500, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonObject problem = new JsonObject(r.body());
        assertEquals("internal-error", problem.getString("code"));
        assertEquals(500, problem.getInteger("status"));
        assertTrue(problem.getString("detail").contains("incident"), problem.encode());
    }
}
