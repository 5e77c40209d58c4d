package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Json;

/** The real Vert.x server on a free port: whiteboard routes come and go, every error is a problem document. */
public class HallHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private HallHttpServer server;
    private int port;

    private final RouteContributor echo = router -> {
        router.post("/api/v1/echo").handler(ctx -> Json.send(ctx, 200, Json.body(ctx)));
        router.get("/api/v1/boom").handler(ctx -> {
            throw new IllegalStateException("secret internals");
        });
        router.get("/api/v1/teapot").handler(ctx -> {
            throw new ProblemException(409, "already-called", "Conflict", "ticket A001 was already called");
        });
    };

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.web(port, 1024));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject problem(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject doc = new JsonObject(r.body());
        assertEquals(status, doc.getInteger("status"));
        assertEquals(code, doc.getString("code"));
        assertEquals("urn:onedoor:problem:" + code, doc.getString("type"));
        return doc;
    }

    @Test
    void routesAppearAndDisappearWithTheirContributor() throws Exception {
        problem(get("/api/v1/teapot"), 404, "not-found");
        server.addContributor(echo);
        problem(get("/api/v1/teapot"), 409, "already-called");
        server.removeContributor(echo);
        problem(get("/api/v1/teapot"), 404, "not-found");
    }

    @Test
    void badInputIsAnswered4xxWithProblemDocuments() throws Exception {
        server.addContributor(echo);
        assertEquals("窗口", new JsonObject(post("/api/v1/echo", "application/json", "{\"a\":\"窗口\"}").body()).getString("a"));
        problem(post("/api/v1/echo", "application/json", "{not json"), 400, "malformed-json");
        problem(post("/api/v1/echo", "application/json", "[1,2]"), 400, "malformed-json");
        problem(post("/api/v1/echo", "text/plain", "hello"), 415, "unsupported-media-type");
        problem(post("/api/v1/echo", "application/json", "{\"a\":\"" + "x".repeat(5000) + "\"}"), 413, "body-too-large");
        problem(get("/api/v1/echo"), 405, "method-not-allowed");
    }

    @Test
    void unexpectedFailuresHideTheirInternals() throws Exception {
        server.addContributor(echo);
        JsonObject doc = problem(get("/api/v1/boom"), 500, "internal-error");
        assertFalse(doc.encode().contains("secret internals"));
        assertFalse(doc.encode().contains("IllegalStateException"));
    }
}
