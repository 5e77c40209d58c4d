package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseEvents;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.matter.CatalogLoader;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterChangeRequest;
import org.onedoor.api.matter.MatterChanges;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.cases.CaseEventStream;
import org.onedoor.web.internal.catalog.CatalogRoutes;
import org.onedoor.web.internal.catalog.MatterChangeRoutes;
import org.onedoor.web.internal.queue.WindowRoutes;

/**
 * The real routes on the real Vert.x server over stand-in services: bad bodies are refused with a
 * 400 problem naming the field before anything reaches a service, and nothing is coerced.
 */
public class BadInputTest {

    private static final Matter MATTER = new Matter("A17-025", "户籍证明", "", "A17", "police", MatterType.PUBLIC_SERVICE, List.of(),
            20, 5, false, false, true, BigDecimal.ZERO, Set.of(), "rev-1");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Map<String, String>> checked = new ArrayList<>();
    private final List<MatterChangeRequest> filed = new ArrayList<>();
    private final List<Boolean> pauses = new ArrayList<>();
    private HallHttpServer server;
    private int port;

    /** A stand-in of an interface: the given answers by method name, otherwise a neutral default. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName()).apply(args);
            }
            Class<?> r = method.getReturnType();
            if (r == Optional.class) {
                return Optional.empty();
            } else if (r == List.class) {
                return List.of();
            } else if (r == Map.class) {
                return Map.of();
            } else if (r == boolean.class) {
                return false;
            } else if (r == int.class || r == long.class) {
                return 0;
            }
            return null;
        });
    }

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.web(port, 2 * 1024 * 1024));
        WebAccess admin = new WebAccess() {
            @Override
            public Handler<RoutingContext> requireAnyRole(String... roles) {
                return ctx -> {
                    ctx.put(WebAccess.USER, "admin");
                    ctx.put(WebAccess.PRINCIPAL, new HallPrincipal("admin", Set.of("admin"), Optional.empty()));
                    ctx.next();
                };
            }
        };
        MatterCatalog catalog = stub(MatterCatalog.class, Map.of(
                "matter", a -> MATTER.code().equals(a[0]) ? Optional.of(MATTER) : Optional.empty(),
                "validate", a -> {
                    @SuppressWarnings("unchecked") Map<String, String> f = (Map<String, String>) a[1];
                    checked.add(f);
                    return List.of();
                }));
        MatterChanges changes = stub(MatterChanges.class, Map.of("file", a -> {
            filed.add((MatterChangeRequest) a[0]);
            throw new IllegalStateException("the stand-in files nothing");
        }));
        WindowDesk desk = stub(WindowDesk.class, Map.of("pause", a -> {
            pauses.add((Boolean) a[1]);
            return new WindowSession((Integer) a[0], "police", "admin", Instant.parse("2026-12-01T01:00:00Z"), (Boolean) a[1], Optional.empty());
        }));
        server.addContributor(new SecurityHeaders());
        server.addContributor(new CatalogRoutes(stub(DepartmentDirectory.class, Map.of()), catalog, stub(CatalogLoader.class, Map.of()), admin));
        server.addContributor(new MatterChangeRoutes(changes, catalog, admin, org.onedoor.api.hall.HallClock.of(java.time.Clock.systemUTC())));
        server.addContributor(new WindowRoutes(desk, stub(HallQueue.class, Map.of()), admin));
        server.addContributor(new CaseEventStream(stub(CaseEvents.class, Map.of("subscribe", a -> (AutoCloseable) () -> { })), admin,
                new EventStreams(10, 10, 15_000)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject refused(HttpResponse<String> r, String code, String field) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        JsonObject doc = new JsonObject(r.body());
        assertEquals(code, doc.getString("code"), r.body());
        assertEquals(field, doc.getString("field"), r.body());
        assertTrue(doc.getString("detail").contains(field), r.body());
        return doc;
    }

    @Test
    void theMatterCheckTakesOnlyAnObjectOfStrings() throws Exception {
        String path = "/api/v1/matters/A17-025/check";
        refused(post(path, "{\"fields\": 5}"), "invalid-field", "fields");
        refused(post(path, "{\"fields\": [\"a\"]}"), "invalid-field", "fields");
        refused(post(path, "{\"fields\": {\"monthlyRent\": {}}}"), "invalid-field", "fields.monthlyRent");
        refused(post(path, "{\"fields\": {\"monthlyRent\": 3000}}"), "invalid-field", "fields.monthlyRent");
        refused(post(path, "{\"fields\": {\"a\": \"1\", \"a\": \"2\"}}"), "duplicate-key", "fields.a");
        assertTrue(checked.isEmpty(), checked.toString());
        HttpResponse<String> ok = post(path, "{\"fields\": {\"monthlyRent\": \"3000\"}}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(List.of(Map.of("monthlyRent", "3000")), checked);
    }

    @Test
    void pauseTakesTrueOrFalseOnce() throws Exception {
        String path = "/api/v1/windows/7/pause";
        refused(post(path, "{\"paused\": \"yes\"}"), "invalid-field", "paused");
        refused(post(path, "{\"paused\": null}"), "invalid-field", "paused");
        refused(post(path, "{\"paused\": 0}"), "invalid-field", "paused");
        refused(post(path, "{\"paused\": true, \"paused\": false}"), "duplicate-key", "paused");
        assertTrue(pauses.isEmpty(), pauses.toString());
        assertEquals(200, post(path, "{\"paused\": false}").statusCode());
        assertEquals(200, post(path, "").statusCode());
        assertEquals(List.of(false, true), pauses);
    }

    @Test
    void aMatterAdjustmentIsCheckedBeforeTheStore() throws Exception {
        String good = "{\"kind\": \"CANCEL\", \"code\": \"A17-025\", \"effectiveDate\": \"2026-12-01\", \"reason\": \"取消\"}";
        refused(post("/api/v1/matter-changes", good.replace("取消", "x".repeat(1_000_001))), "invalid-field", "reason");
        refused(post("/api/v1/matter-changes", good.replace("\"取消\"", "{}")), "invalid-field", "reason");
        refused(post("/api/v1/matter-changes", good.replace("取消", "\\ud800x")), "invalid-field", "reason");
        refused(post("/api/v1/matter-changes", good.replace("2026-12-01", "2300-01-01")), "invalid-date", "effectiveDate");
        refused(post("/api/v1/matter-changes", good.replace("2026-12-01", "+10000-01-01")), "invalid-date", "effectiveDate");
        refused(post("/api/v1/matter-changes", good.replace("\"A17-025\"", "17025")), "invalid-field", "code");
        refused(post("/api/v1/matter-changes", good.replace("\"CANCEL\"", "[]")), "invalid-kind", "kind");
        refused(post("/api/v1/matter-changes/1/reject", "{\"reason\": {}}"), "invalid-field", "reason");
        assertTrue(filed.isEmpty(), filed.toString());
        // a good request reaches the service (whose failure is a 500 problem without its internals)
        HttpResponse<String> r = post("/api/v1/matter-changes", good);
        assertEquals(500, r.statusCode(), r.body());
        assertEquals("internal-error", new JsonObject(r.body()).getString("code"));
        assertFalse(r.body().contains("stand-in"), r.body());
        assertEquals("取消", filed.get(0).reasonZh());
    }

    @Test
    void problemDetailsDoNotEchoLongValues() throws Exception {
        String id = "X".repeat(7000);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/matters/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        JsonObject doc = new JsonObject(r.body());
        assertTrue(doc.getString("detail").length() < 200, doc.getString("detail"));
        assertTrue(doc.getString("detail").contains("XXXX"), doc.getString("detail"));
    }

    @Test
    void theCaseEventStreamIsNotSniffedAndPagesRunOnlyTheirOwnScripts() throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                    r.headers().map().toString());
        }
    }
}
