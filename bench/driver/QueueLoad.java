/*
 * Load driver of the queue benchmark (bench/queue.sh). A single Java source file, run without a build:
 *
 *   java bench/driver/QueueLoad.java MODE key=value...
 *
 * MODE tickets: CLIENTS threads each loop POST /api/v1/tickets {"zone": ZONE} (thread i sends to target i mod n);
 *               a request counts as done when it answers 201.
 * MODE calls:   one thread per window of WINDOWS (window i is served by target i mod n): it signs in once
 *               (POST /api/v1/windows/{n}/sign-in, before the clock starts), then loops
 *               POST .../call-next and, when a ticket was called, POST .../complete. A window whose
 *               call-next answers {"ticket": null} (its zone's queue is empty) ends the phase for all windows
 *               (no new request starts; empty=1 in the result), so the measured interval may be shorter than DURATION.
 *
 * Keys (defaults): targets=http://127.0.0.1:8080 (comma-separated, 127.0.0.1 only), clients=16, zone=tax,
 * windows=137-152, user=, password= (for calls: signs in once per window client, then bearer token), warmup=5 (s, requests started then are not
 * recorded), duration=20 (s of measurement), max=200000 (recorded requests at most), timeout=10 (s per request).
 *
 * Every request is timed on its own (System.nanoTime around HttpClient.send). The result is one line on
 * stdout, key=value separated by spaces: ok, failed, empty, seconds, rps (recorded successful requests of the
 * measured kind per second: tickets, or call-next that called a ticket), p50_ms, p99_ms, max_ms of those
 * requests, cp50_ms and cp99_ms of /complete (calls mode), and the first failure (status and body start).
 * Progress and failures go to stderr. Exit status 0 when the run finished, 1 when no request succeeded.
 */

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

public class QueueLoad {

    /** Latencies in nanoseconds, one growable array per thread (no sharing while measuring). */
    static final class Timings {
        long[] values = new long[1024];
        int size;

        void add(long ns) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = ns;
        }
    }

    static HttpClient client;
    static Duration requestTimeout;
    static final AtomicInteger recorded = new AtomicInteger();
    static final AtomicInteger failed = new AtomicInteger();
    static final AtomicInteger empty = new AtomicInteger();
    static final AtomicLong lastEnd = new AtomicLong();
    static final AtomicReference<String> firstFailure = new AtomicReference<>("");
    static final Map<String, AtomicInteger> failuresByKind = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !(args[0].equals("tickets") || args[0].equals("calls"))) {
            System.err.println("usage: java QueueLoad.java tickets|calls key=value...");
            System.exit(2);
        }
        String mode = args[0];
        Map<String, String> opt = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got " + args[i]);
            }
            opt.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        List<String> targets = List.of(opt.getOrDefault("targets", "http://127.0.0.1:8080").split(","));
        for (String t : targets) {
            if (!t.startsWith("http://127.0.0.1:")) {
                throw new IllegalArgumentException("only http://127.0.0.1:<port> targets, not " + t);
            }
        }
        int clients = Integer.parseInt(opt.getOrDefault("clients", "16"));
        String zone = opt.getOrDefault("zone", "tax");
        String[] range = opt.getOrDefault("windows", "137-152").split("-");
        int firstWindow = Integer.parseInt(range[0]);
        int lastWindow = Integer.parseInt(range[range.length - 1]);
        String user = opt.getOrDefault("user", "");
        String password = opt.getOrDefault("password", "");
        String auth = null;
        long warmupNs = (long) (Double.parseDouble(opt.getOrDefault("warmup", "5")) * 1e9);
        long durationNs = (long) (Double.parseDouble(opt.getOrDefault("duration", "20")) * 1e9);
        int max = Integer.parseInt(opt.getOrDefault("max", "200000"));
        requestTimeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("timeout", "10")));

        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        int threads = mode.equals("tickets") ? clients : lastWindow - firstWindow + 1;
        Timings[] main = new Timings[threads];
        Timings[] complete = new Timings[threads];
        Thread[] workers = new Thread[threads];
        // Every worker (in calls mode: after signing its window in) counts down signedIn, then waits for go;
        // the main thread then sets the clock (measureStart, deadline) and releases them all at once.
        CountDownLatch signedIn = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);

        for (int i = 0; i < threads; i++) {
            int index = i;
            main[i] = new Timings();
            complete[i] = new Timings();
            String target = targets.get(i % targets.size());
            workers[i] = new Thread(() -> {
                int window = firstWindow + index;
                String bearer = auth;
                if (mode.equals("calls")) {
                    // A workstation signs in once and then carries its session: a bearer token, so that
                    // the measured requests do not each pay the password check of HTTP Basic.
                    Result login = post(target + "/api/v1/auth/login", "{\"username\": \"" + user + "\", \"password\": \""
                            + password + "\"}", null);
                    java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body);
                    if (login.status != 200 || !token.find()) {
                        fail("login", login);
                        signedIn.countDown();
                        return;
                    }
                    bearer = "Bearer " + token.group(1);
                }
                String authorization = bearer;
                if (mode.equals("calls")) {
                    Result r = post(target + "/api/v1/windows/" + window + "/sign-in", "{}", authorization);
                    if (r.status != 200) {
                        fail("sign-in", r);
                        signedIn.countDown();
                        return;
                    }
                }
                signedIn.countDown();
                try {
                    if (!go.await(120, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                long start = measureStart;
                long stop = deadline;
                while (System.nanoTime() < stop && recorded.get() < max && !drained) {
                    long t0 = System.nanoTime();
                    boolean measuring = t0 >= start;
                    if (mode.equals("tickets")) {
                        Result r = post(target + "/api/v1/tickets", "{\"zone\":\"" + zone + "\"}", null);
                        long t1 = System.nanoTime();
                        if (r.status != 201) {
                            fail("ticket", r);
                        } else if (measuring) {
                            main[index].add(t1 - t0);
                            recorded.incrementAndGet();
                            lastEnd.accumulateAndGet(t1, Math::max);
                        }
                        continue;
                    }
                    Result r = post(target + "/api/v1/windows/" + window + "/call-next", "{}", authorization);
                    long t1 = System.nanoTime();
                    if (r.status != 200) {
                        fail("call-next", r);
                        continue;
                    }
                    if (r.body.replace(" ", "").contains("\"ticket\":null")) {
                        // the zone's queue ran empty: the phase ends for every window, so that the measured
                        // interval only holds time in which all windows had tickets to call
                        empty.incrementAndGet();
                        drained = true;
                        System.err.println("window " + window + ": queue empty, the calls phase ends");
                        return;
                    }
                    if (measuring) {
                        main[index].add(t1 - t0);
                        recorded.incrementAndGet();
                        lastEnd.accumulateAndGet(t1, Math::max);
                    }
                    long t2 = System.nanoTime();
                    Result c = post(target + "/api/v1/windows/" + window + "/complete", "{}", authorization);
                    long t3 = System.nanoTime();
                    if (c.status != 200) {
                        fail("complete", c);
                    } else if (measuring) {
                        complete[index].add(t3 - t2);
                    }
                }
            }, "load-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }

        // Wait (at most 60 s) for the sign-ins, then start the clock: WARMUP seconds unrecorded, then DURATION.
        if (!signedIn.await(60, TimeUnit.SECONDS)) {
            System.err.println("not every window signed in within 60 s");
        }
        long now = System.nanoTime();
        measureStart = now + warmupNs;
        deadline = measureStart + durationNs;
        go.countDown();
        System.err.printf("%s: %d clients on %s, warm-up %.0f s, measuring %.0f s%n", mode, threads, targets,
                warmupNs / 1e9, durationNs / 1e9);
        long joinBy = deadline + 30_000_000_000L; // a request may still run its timeout after the deadline
        for (Thread w : workers) {
            long left = (joinBy - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                w.join(left);
            }
        }
        for (Thread w : workers) {
            if (w.isAlive()) {
                System.err.println(w.getName() + " still running after the deadline; left behind (daemon)");
            }
        }

        long end = lastEnd.get();
        double seconds = end > measureStart ? (end - measureStart) / 1e9 : 0;
        long[] mainAll = merge(main);
        long[] completeAll = merge(complete);
        StringBuilder out = new StringBuilder();
        out.append("mode=").append(mode)
                .append(" clients=").append(threads)
                .append(" ok=").append(mainAll.length)
                .append(" failed=").append(failed.get())
                .append(" empty=").append(drained ? 1 : 0)
                .append(String.format(" seconds=%.2f", seconds))
                .append(String.format(" rps=%.1f", seconds > 0 ? mainAll.length / seconds : 0))
                .append(" p50_ms=").append(ms(percentile(mainAll, 0.50)))
                .append(" p99_ms=").append(ms(percentile(mainAll, 0.99)))
                .append(" max_ms=").append(ms(percentile(mainAll, 1.0)))
                .append(" cp50_ms=").append(ms(percentile(completeAll, 0.50)))
                .append(" cp99_ms=").append(ms(percentile(completeAll, 0.99)));
        failuresByKind.forEach((k, v) -> System.err.println("failures: " + k + " x " + v.get()));
        System.out.println(out);
        System.exit(mainAll.length > 0 ? 0 : 1);
    }

    static volatile boolean drained;
    static volatile long measureStart;
    static volatile long deadline;

    static long[] merge(Timings[] parts) {
        int n = 0;
        for (Timings t : parts) {
            n += t.size;
        }
        long[] all = new long[n];
        int at = 0;
        for (Timings t : parts) {
            System.arraycopy(t.values, 0, all, at, t.size);
            at += t.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of sorted values; -1 when there are none. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    static String ms(long ns) {
        return ns < 0 ? "-" : String.format("%.2f", ns / 1e6);
    }

    record Result(int status, String body) {
    }

    static Result post(String url, String json, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), r.body());
        } catch (Exception e) {
            return new Result(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static void fail(String what, Result r) {
        failed.incrementAndGet();
        String summary = what + " " + r.status + " " + (r.body.length() > 200 ? r.body.substring(0, 200) : r.body);
        failuresByKind.computeIfAbsent(what + " " + r.status, k -> new AtomicInteger()).incrementAndGet();
        if (firstFailure.compareAndSet("", summary)) {
            System.err.println("first failure: " + summary);
        }
    }
}
