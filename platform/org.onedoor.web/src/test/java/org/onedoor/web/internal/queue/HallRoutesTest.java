package org.onedoor.web.internal.queue;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.stats.QueueStatistics;
import org.onedoor.api.stats.ZoneQueueDay;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.HallHttpServer;
import org.onedoor.web.internal.TestConfigs;

/**
 * The hall routes on the real Vert.x server: /api/v1/halls lists the halls, /api/v1/halls/{hall}/…
 * reaches that hall's queue while the routes of before stay the default hall's, and an unknown hall
 * is 404 {@code unknown-hall} naming the field {@code hall}.
 */
public class HallRoutesTest {

    private static final Hall ZHUMADIAN = new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", "");
    private static final Hall XIPING = new Hall("xiping", "西平县便民服务中心", "Xiping County Service Center", "西平县");

    private final HttpClient http = HttpClient.newHttpClient();
    private HallHttpServer server;
    private int port;

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName()).apply(args);
            }
            Class<?> r = method.getReturnType();
            return r == Optional.class ? Optional.empty() : r == List.class ? List.of() : r == Map.class ? Map.of() : null;
        });
    }

    private static WindowSession session(int window, String clerk) {
        return new WindowSession(window, "police", clerk, Instant.parse("2026-12-03T01:00:00Z"), false, Optional.empty());
    }

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.web(port, 1024 * 1024));
        HallDirectory halls = new HallDirectory() {
            @Override public List<Hall> halls() { return List.of(ZHUMADIAN, XIPING); }
            @Override public Optional<Hall> hall(String id) { return halls().stream().filter(h -> h.id().equals(id)).findFirst(); }
            @Override public Hall defaultHall() { return ZHUMADIAN; }
        };
        HallQueue xipingQueue = stub(HallQueue.class, Map.of("windows", a -> List.of(session(1, "clerk-b"))));
        HallQueue queue = stub(HallQueue.class, Map.of("windows", a -> List.of(session(97, "clerk-a")),
                "inHall", a -> {
                    assertEquals("xiping", a[0]);
                    return xipingQueue;
                }));
        WebAccess open = new WebAccess() {
            @Override
            public Handler<RoutingContext> requireAnyRole(String... roles) {
                return RoutingContext::next;
            }
        };
        WindowRoutes windows = new WindowRoutes(stub(WindowDesk.class, Map.of()), queue, open);
        windows.halls = halls;
        server.addContributor(new HallRoutes(halls, stub(ZoneDirectory.class, Map.of())));
        server.addContributor(windows);
        QueueStatistics statistics = stub(QueueStatistics.class, Map.of("day", a -> List.of(new ZoneQueueDay("police",
                (LocalDate) a[1], "xiping".equals(a[0]) ? 2 : 7, 0, 0, 0, 0, -1, -1, -1))));
        StatsRoutes stats = new StatsRoutes(statistics, open, org.onedoor.api.hall.HallClock.of(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"))));
        stats.halls = halls;
        server.addContributor(stats);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheHallsTheDefaultFirst() throws Exception {
        HttpResponse<String> r = get("/api/v1/halls");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject doc = new JsonObject(r.body());
        assertEquals(2, doc.getInteger("count"));
        assertEquals("zhumadian", doc.getString("defaultHall"));
        assertEquals("zhumadian", doc.getJsonArray("halls").getJsonObject(0).getString("id"));
        assertEquals("/api/v1/halls/xiping/zones", doc.getJsonArray("halls").getJsonObject(1).getString("zones"));
        assertEquals("西平县便民服务中心", new JsonObject(get("/api/v1/halls/xiping").body()).getString("nameZh"));
    }

    @Test
    void aHallsRoutesReachItsQueueAndTheRoutesOfBeforeTheDefaultHalls() throws Exception {
        assertEquals(97, new JsonObject(get("/api/v1/windows").body()).getJsonArray("windows").getJsonObject(0).getInteger("window"));
        assertEquals(1, new JsonObject(get("/api/v1/halls/xiping/windows").body()).getJsonArray("windows").getJsonObject(0)
                .getInteger("window"));
        assertEquals(97, new JsonObject(get("/api/v1/halls/zhumadian/windows").body()).getJsonArray("windows").getJsonObject(0)
                .getInteger("window"));
    }

    @Test
    void anUnknownHallIsNotFoundNamingTheFieldHall() throws Exception {
        for (String path : List.of("/api/v1/halls/nowhere", "/api/v1/halls/nowhere/windows", "/api/v1/halls/Bad%20Hall/windows",
                "/api/v1/halls/nowhere/stats/queue")) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
            JsonObject doc = new JsonObject(r.body());
            assertEquals("unknown-hall", doc.getString("code"), r.body());
            assertEquals("hall", doc.getString("field"), r.body());
        }
    }

    @Test
    void theQueueFiguresAreThoseOfTheRequestsHall() throws Exception {
        JsonObject xiping = new JsonObject(get("/api/v1/halls/xiping/stats/queue?day=2026-12-03").body());
        assertEquals("xiping", xiping.getString("hallId"));
        assertEquals(2, xiping.getJsonObject("totals").getInteger("issued"));
        JsonObject before = new JsonObject(get("/api/v1/stats/queue?day=2026-12-03").body());
        assertEquals("zhumadian", before.getString("hallId"));
        assertEquals(7, before.getJsonObject("totals").getInteger("issued"));
        assertEquals("2026-12-03", before.getString("day"));
    }
}
