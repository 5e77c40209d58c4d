package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.web.internal.device.ScreenConnections;
import org.onedoor.web.internal.queue.QueueEventStream;

/** The real server with the real queue event stream: streams are capped per address and in all, and given back on close. */
public class EventStreamsTest {

    private final List<Object> subscribers = new CopyOnWriteArrayList<>();
    private final QueueEvents events = listener -> {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    };
    private final List<Socket> sockets = new ArrayList<>();
    private EventStreams streams;
    private HallHttpServer server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.of(WebConfig.class, Map.of("port", port, "host", "127.0.0.1",
                "idleTimeoutSeconds", 2, "streamHeartbeatSeconds", 1)));
        streams = new EventStreams(3, 2, 1000);
        server.addContributor(new QueueEventStream(events, new ScreenConnections(), streams));
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        server.stop();
    }

    /** Opens the stream from the local address and returns the socket after the answer's head. */
    private Socket open(String from) throws Exception {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
        sockets.add(socket);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/v1/queue/events HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String head(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            text.append((char) c);
        }
        return text.toString();
    }

    private static String readUntil(Socket socket, String wanted) throws Exception {
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains(wanted)) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            text.append((char) c);
        }
        return text.toString();
    }

    private void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void streamsPastTheCapsAre503WithRetryAfterAndComeBackWhenClosed() throws Exception {
        Socket first = open("127.0.0.1");
        assertTrue(head(first).startsWith("HTTP/1.1 200"));
        Socket second = open("127.0.0.1");
        assertTrue(head(second).startsWith("HTTP/1.1 200"));
        Socket third = open("127.0.0.1");
        String refused = head(third) + readUntil(third, "}");
        assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
        assertTrue(refused.contains("Retry-After: " + EventStreams.RETRY_AFTER_SECONDS), refused);
        JsonObject doc = new JsonObject(refused.substring(refused.indexOf("{")));
        assertEquals("too-many-streams", doc.getString("code"));
        assertTrue(doc.getString("detail").contains("127.0.0.1"), doc.encode());

        Socket other = open("127.0.0.2");
        assertTrue(head(other).startsWith("HTTP/1.1 200"), "another address has its own places");
        assertEquals(3, streams.open());
        String total = head(open("127.0.0.3"));
        assertTrue(total.startsWith("HTTP/1.1 503"), "the node's cap holds for every address: " + total);

        first.close();
        await("a closed stream gives its place back", () -> streams.open() == 2 && subscribers.size() == 2);
        assertTrue(head(open("127.0.0.1")).startsWith("HTTP/1.1 200"));
    }

    @Test
    void aStreamOutlivesTheIdleTimeoutThroughItsHeartbeats() throws Exception {
        Socket stream = open("127.0.0.1");
        assertTrue(head(stream).startsWith("HTTP/1.1 200"));
        for (int i = 0; i < 4; i++) {
            assertTrue(readUntil(stream, ": ping").endsWith(": ping"), "heartbeat " + i);
        }
        assertEquals(1, streams.open(), "open after more than twice the idle timeout");
    }
}
