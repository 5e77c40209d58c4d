package org.onedoor.notify.http.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local SMS gateway on 127.0.0.1 for the tests: records each POST (headers, body bytes) and answers as told. */
final class TestGateway implements AutoCloseable {

    /** One request as the gateway received it. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> next = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    TestGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Answer a;
            synchronized (next) {
                a = next.isEmpty() ? null : next.poll();
            }
            if (a == null) {
                a = new Answer(200, "{\"code\":0,\"messageId\":\"gw-" + ids.incrementAndGet() + "\"}", 0);
            }
            if (a.delayMillis > 0) {
                try {
                    Thread.sleep(a.delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = a.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status, out.length == 0 ? -1 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.setExecutor(pool); // a slow answer does not hold up the next request
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
    }

    void answerNext(int status, String body) {
        synchronized (next) {
            next.add(new Answer(status, body, 0));
        }
    }

    void answerNextSlowly(long millis) {
        synchronized (next) {
            next.add(new Answer(200, "{\"messageId\":\"slow\"}", millis));
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> awaitReceived(int n, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (received.size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
