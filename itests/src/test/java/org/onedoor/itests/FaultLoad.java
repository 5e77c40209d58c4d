package org.onedoor.itests;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The campaign's clients: kiosks issuing tax tickets with idempotency keys (retried on another node
 * until acknowledged), windows calling and completing them, a police window that issues and calls
 * its own tickets and accepts a case for every second one (idempotency key {@code case-<ticketId>},
 * retried on another node until acknowledged), and one screen stream per node that reconnects and
 * fetches the snapshot like the caller screen does. Every acknowledgement goes to the history.
 */
final class FaultLoad {

    static final String ZONE = "tax";
    static final int[] WINDOWS = {137, 138};
    /** The police window that opens cases, and the passport matter it accepts (main materials only). */
    static final String CASE_ZONE = "police";
    static final int CASE_WINDOW = 97;
    static final String CASE_APPLICATION = "{\"matter\": \"A17-001\", \"applicant\": {\"name\": \"张三\", \"idNumber\": "
            + "\"411702199003074515\"}, \"materials\": [\"申请人居民身份证\", \"近期免冠彩色照片\"], \"window\": " + CASE_WINDOW + "}";

    private final List<HallNodeProcess> nodes;
    private final FaultHistory history;
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong called = new AtomicLong();
    private final AtomicLong cases = new AtomicLong();
    final AtomicLong lastAck = new AtomicLong();

    FaultLoad(List<HallNodeProcess> nodes, FaultHistory history, String user, String password) {
        this.nodes = nodes;
        this.history = history;
        this.user = user;
        this.password = password;
    }

    void start() {
        thread("kiosk", running, this::kiosk);
        for (int w : WINDOWS) {
            thread("window-" + w, running, () -> window(w));
        }
        thread("window-" + CASE_WINDOW, running, this::caseWindow);
        for (HallNodeProcess n : nodes) {
            thread("screen-" + n.nodeId, watching, () -> screen(n));
        }
    }

    /** Stops the kiosks and windows; the screens keep following the streams. */
    void stopWriters() {
        running.set(false);
    }

    void stop() throws InterruptedException {
        running.set(false);
        watching.set(false);
        for (Thread t : threads) {
            t.interrupt();
            t.join(2_000);
        }
    }

    private void thread(String name, AtomicBoolean on, Runnable body) {
        Thread t = new Thread(() -> {
            while (on.get()) {
                try {
                    body.run();
                } catch (RuntimeException e) {
                    pause(200);
                }
            }
        }, "faults-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a request; null when the node did not answer. */
    private HttpResponse<String> send(HallNodeProcess n, String method, String path, String json, String key, boolean auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (auth) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Issues one ticket through any node, retrying the same key until acknowledged; the ticket or null if stopped. */
    JsonObject issue(HallNodeProcess preferred) {
        return issue(ZONE, preferred);
    }

    private JsonObject issue(String zone, HallNodeProcess preferred) {
        String key = "faults-" + UUID.randomUUID();
        int i = nodes.indexOf(preferred);
        while (running.get() || preferred != null) {
            HallNodeProcess n = nodes.get(Math.floorMod(i++, nodes.size()));
            HttpResponse<String> r = send(preferred != null ? preferred : n, "POST", "/api/v1/tickets", "{\"zone\":\"" + zone + "\"}", key, false);
            if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                JsonObject t = new JsonObject(r.body());
                history.ticket(new FaultHistory.Ticket(key, t.getString("id"), t.getString("issuedZoneId"), t.getString("day"), t.getString("number")));
                issued.incrementAndGet();
                lastAck.set(System.currentTimeMillis());
                return t;
            }
            if (preferred != null) {
                return null;
            }
            pause(100);
        }
        return null;
    }

    private void kiosk() {
        if (issued.get() - called.get() > 100) {
            pause(100);
            return;
        }
        issue(null);
        pause(50);
    }

    private void window(int w) {
        int i = w;
        while (running.get()) {
            HallNodeProcess n = nodes.get(Math.floorMod(i, nodes.size()));
            HttpResponse<String> r = send(n, "POST", "/api/v1/windows/" + w + "/call-next", "{}", null, true);
            if (r == null || r.statusCode() >= 500) {
                i++;
                pause(200);
                continue;
            }
            String code = r.statusCode() == 200 ? "" : new JsonObject(r.body()).getString("code", "");
            if ("window-not-signed-in".equals(code)) {
                send(n, "POST", "/api/v1/windows/" + w + "/sign-in", "{}", null, true);
            } else if ("window-busy".equals(code)) {
                send(n, "POST", "/api/v1/windows/" + w + "/complete", "{}", null, true);
            } else if (r.statusCode() == 200) {
                JsonObject t = new JsonObject(r.body()).getJsonObject("ticket");
                if (t == null) {
                    pause(200);
                } else {
                    history.call(new FaultHistory.Call(w, t.getString("id"), t.getString("number")));
                    called.incrementAndGet();
                    lastAck.set(System.currentTimeMillis());
                    send(n, "POST", "/api/v1/windows/" + w + "/complete", "{}", null, true);
                }
            } else {
                pause(200);
            }
        }
    }

    /**
     * The police window: issues a ticket, calls it and, for every second one, accepts a case under
     * the key {@code case-<ticketId>} before completing it. The acceptance is retried with the same
     * key on the next node until acknowledged (201, or a replay of the first), so a node lost in
     * between must neither lose the case nor open it twice.
     */
    private void caseWindow() {
        if (issue(CASE_ZONE, null) == null) {
            return;
        }
        int i = CASE_WINDOW;
        while (running.get()) {
            HallNodeProcess n = nodes.get(Math.floorMod(i, nodes.size()));
            HttpResponse<String> r = send(n, "POST", "/api/v1/windows/" + CASE_WINDOW + "/call-next", "{}", null, true);
            if (r == null || r.statusCode() >= 500) {
                i++;
                pause(200);
                continue;
            }
            String code = r.statusCode() == 200 ? "" : new JsonObject(r.body()).getString("code", "");
            if ("window-not-signed-in".equals(code)) {
                send(n, "POST", "/api/v1/windows/" + CASE_WINDOW + "/sign-in", "{}", null, true);
            } else if ("window-busy".equals(code)) {
                send(n, "POST", "/api/v1/windows/" + CASE_WINDOW + "/complete", "{}", null, true);
            } else if (r.statusCode() == 200 && new JsonObject(r.body()).getJsonObject("ticket") != null) {
                JsonObject t = new JsonObject(r.body()).getJsonObject("ticket");
                history.call(new FaultHistory.Call(CASE_WINDOW, t.getString("id"), t.getString("number")));
                called.incrementAndGet();
                lastAck.set(System.currentTimeMillis());
                if (cases.getAndIncrement() % 2 == 0) {
                    acceptCase(t.getString("id"), i);
                }
                send(n, "POST", "/api/v1/windows/" + CASE_WINDOW + "/complete", "{}", null, true);
                return;
            } else {
                pause(200);
                return;
            }
        }
    }

    private void acceptCase(String ticketId, int firstNode) {
        String key = "case-" + ticketId;
        int i = firstNode;
        for (int attempt = 0; attempt < 100 && running.get(); attempt++) {
            HttpResponse<String> r = send(nodes.get(Math.floorMod(i, nodes.size())), "POST", "/api/v1/cases", CASE_APPLICATION, key, true);
            if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                history.acceptedCase(new FaultHistory.Case(key, new JsonObject(r.body()).getString("number")));
                lastAck.set(System.currentTimeMillis());
                return;
            }
            if (r != null && r.statusCode() < 500 && r.statusCode() != 409) {
                return; // refused for good: nothing acknowledged
            }
            i++;
            pause(200);
        }
    }

    /**
     * Follows one node's stream like the caller screen: a snapshot on open and on a gap in a zone's zoneSeq
     * (the hall-wide seq has gaps by design), every event recorded.
     */
    private void screen(HallNodeProcess n) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + "/api/v1/queue/events")).build();
        Map<String, Long> last = new HashMap<>();
        try {
            HttpResponse<java.util.stream.Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                pause(500);
                return;
            }
            r.body().takeWhile(l -> watching.get()).forEach(line -> {
                if (line.startsWith(": connected")) {
                    snapshot(n, last);
                } else if (line.startsWith("data: ")) {
                    JsonObject e = new JsonObject(line.substring(6));
                    String zone = e.getString("zoneId");
                    long zoneSeq = e.getLong("zoneSeq");
                    history.event(new FaultHistory.ScreenEvent(n.nodeId, e.getLong("seq"), zone, zoneSeq, e.getString("type"),
                            e.getString("ticketId")));
                    Long before = last.get(zone);
                    last.merge(zone, zoneSeq, Math::max);
                    if (before != null && zoneSeq > before + 1) {
                        snapshot(n, last);
                    }
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            pause(500);
        }
    }

    /** Fetches the snapshot, records the zoneSeqs it covers and raises {@code last} to them. */
    private void snapshot(HallNodeProcess n, Map<String, Long> last) {
        HttpResponse<String> r = send(n, "GET", "/api/v1/queue/snapshot", null, null, false);
        if (r == null || r.statusCode() != 200) {
            return;
        }
        JsonObject zoneSeqs = new JsonObject(r.body()).getJsonObject("zoneSeqs", new JsonObject());
        Map<String, Long> covered = new TreeMap<>();
        zoneSeqs.forEach(e -> covered.put(e.getKey(), ((Number) e.getValue()).longValue()));
        history.snapshot(new FaultHistory.Snapshot(n.nodeId, covered));
        covered.forEach((zone, seq) -> last.merge(zone, seq, Math::max));
    }
}
