package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Json;

/** Raw sockets against the real server: what the router never sees is still answered, and slow clients are cut off. */
public class RequestGuardTest {

    private HallHttpServer server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.of(WebConfig.class, Map.of("port", port, "host", "127.0.0.1",
                "requestTimeoutSeconds", 1, "idleTimeoutSeconds", 3, "streamHeartbeatSeconds", 1)));
        RouteContributor echo = router -> router.post("/api/v1/echo").handler(ctx -> Json.send(ctx, 200, Json.body(ctx)));
        server.addContributor(echo);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Sends the bytes and reads until the server closes (or 10 s pass: then the read fails the test). */
    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readToClose(socket.getInputStream());
        }
    }

    private static String readToClose(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject problem(String answer, int status, String code) {
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] " + status + " .*"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        JsonObject doc = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(status, doc.getInteger("status"));
        assertEquals(code, doc.getString("code"));
        return doc;
    }

    @Test
    void http11WithoutHostIs400NotAn500() throws Exception {
        problem(exchange("GET /api/v1/echo HTTP/1.1\r\n\r\n"), 400, "missing-host");
    }

    @Test
    void tooLongUriIs414() throws Exception {
        JsonObject doc = problem(exchange("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "uri-too-long");
        assertTrue(doc.encode().length() < 1000, "the URI is not echoed back");
    }

    @Test
    void tooLargeHeadersAre431() throws Exception {
        problem(exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"), 431, "headers-too-large");
    }

    @Test
    void badRequestLineAndNegativeContentLengthAre400() throws Exception {
        problem(exchange("HELLO\r\n\r\n"), 400, "malformed-request");
        problem(exchange("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}"),
                400, "malformed-request");
    }

    @Test
    void partialHeadersAreClosedAfterTheRequestTimeout() throws Exception {
        String answer = exchange("GET /api/v1/echo HTTP/1.1\r\nHost: x\r\n");
        assertEquals("", answer, "closed without an answer");
    }

    @Test
    void aShortBodyIsAnswered408() throws Exception {
        problem(exchange("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":"),
                408, "request-timeout");
    }

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws Exception {
        String answer = exchange("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
}
