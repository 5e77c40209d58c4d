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
 *               windows= takes comma-separated ranges, each optionally of a hall: 137-152 or h02/137-152,h03/137-152
 *               (a hall's routes /api/v1/halls/{hall}/windows/...); onEmpty=wait keeps a window whose zone is empty
 *               calling (every 20 ms; counted in empty_calls, not in rps) instead of ending the phase.
 * MODE fill:    untimed: zones=tax:100,police:250 tickets into each zone of each hall of halls=h01,h02 (empty: the
 *               default hall's /api/v1/tickets), in shuffled order, by clients threads; prints ok, failed, seconds, rps.
 *
 * MODE depth:   call-next cost against the queue's length. One window (window=41 of zone=provident-fund, on the
 *               first target) signs in; for each length of depths=10,1000,10000 the zone is filled to that many
 *               waiting tickets (clients threads, untimed; tickets spread over the targets), then (after as many
 *               untimed rounds at the first length, a warm-up) samples=200 times: one untimed ticket (the length stays put), a timed call-next, an untimed complete. The
 *               result line holds d<length>_p50_ms and d<length>_p99_ms for each length and
 *               flat = p50 at the longest / p50 at the shortest. Meanwhile a screen holds GET /api/v1/queue/events
 *               on the last target (another node when there are several): screen_p50_ms / screen_p99_ms are the
 *               times from each call-next's answer to its CALLED event on that stream (negative when the event came
 *               first), screen_missing the calls whose event never came within 5 s.
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
    static final AtomicInteger emptyCalls = new AtomicInteger();
    static final AtomicLong lastEnd = new AtomicLong();
    static final AtomicReference<String> firstFailure = new AtomicReference<>("");
    static final Map<String, AtomicInteger> failuresByKind = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !(args[0].equals("tickets") || args[0].equals("calls") || args[0].equals("depth")
                || args[0].equals("fill"))) {
            System.err.println("usage: java QueueLoad.java tickets|calls|depth|fill key=value...");
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
        // windows: ranges first-last, each optionally of a hall (hall/first-last), comma-separated
        List<Integer> windowNumbers = new java.util.ArrayList<>();
        List<String> windowPrefixes = new java.util.ArrayList<>();
        for (String spec : opt.getOrDefault("windows", "137-152").split(",")) {
            int slash = spec.indexOf('/');
            String hall = slash < 0 ? "" : spec.substring(0, slash);
            String[] range = spec.substring(slash + 1).split("-");
            for (int n = Integer.parseInt(range[0]); n <= Integer.parseInt(range[range.length - 1]); n++) {
                windowNumbers.add(n);
                windowPrefixes.add(prefixOf(hall));
            }
        }
        boolean waitOnEmpty = "wait".equals(opt.getOrDefault("onEmpty", "end"));
        String user = opt.getOrDefault("user", "");
        String password = opt.getOrDefault("password", "");
        String auth = null;
        long warmupNs = (long) (Double.parseDouble(opt.getOrDefault("warmup", "5")) * 1e9);
        long durationNs = (long) (Double.parseDouble(opt.getOrDefault("duration", "20")) * 1e9);
        int max = Integer.parseInt(opt.getOrDefault("max", "200000"));
        requestTimeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("timeout", "10")));

        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        if (mode.equals("fill")) {
            fill(targets, opt.getOrDefault("halls", ""), opt.getOrDefault("zones", "tax:100"), clients);
            return;
        }
        if (mode.equals("depth")) {
            depth(targets, opt.getOrDefault("zone", "provident-fund"), Integer.parseInt(opt.getOrDefault("window", "41")),
                    opt.getOrDefault("depths", "10,1000,10000"), Integer.parseInt(opt.getOrDefault("samples", "200")), clients,
                    user, password);
            return;
        }
        int threads = mode.equals("tickets") ? clients : windowNumbers.size();
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
                int window = mode.equals("calls") ? windowNumbers.get(index) : 0;
                String api = mode.equals("calls") ? target + windowPrefixes.get(index) : target + "/api/v1";
                String bearer = auth;
                if (mode.equals("calls")) {
                    // A workstation signs in once and then carries its session: a bearer token, so that
                    // the measured requests do not each pay the password check of HTTP Basic.
                    // one sign-in per target (up to 3 tries), shared by its windows: 192 password checks at once
                    // would time out on two cores
                    bearer = tokenFor(target, user, password);
                    if (bearer == null) {
                        signedIn.countDown();
                        return;
                    }
                }
                String authorization = bearer;
                if (mode.equals("calls")) {
                    Result r = null;
                    for (int attempt = 0; attempt < 3 && (r == null || r.status == -1); attempt++) {
                        SIGN_INS.acquireUninterruptibly(); // at most 8 sign-ins at a time
                        try {
                            r = post(api + "/windows/" + window + "/sign-in", "{}", authorization);
                        } finally {
                            SIGN_INS.release();
                        }
                    }
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
                    Result r = post(api + "/windows/" + window + "/call-next", "{}", authorization);
                    long t1 = System.nanoTime();
                    if (r.status != 200) {
                        fail("call-next", r);
                        continue;
                    }
                    if (r.body.replace(" ", "").contains("\"ticket\":null") && waitOnEmpty) {
                        // onEmpty=wait: this window's zone is empty for now; the others go on
                        if (measuring) {
                            emptyCalls.incrementAndGet();
                        }
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
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
                    Result c = post(api + "/windows/" + window + "/complete", "{}", authorization);
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
        if (!signedIn.await(180, TimeUnit.SECONDS)) {
            System.err.println("not every window signed in within 180 s");
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
                .append(" empty_calls=").append(emptyCalls.get())
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

    static final java.util.concurrent.Semaphore SIGN_INS = new java.util.concurrent.Semaphore(8);
    static final Map<String, String> TOKENS = new HashMap<>();

    /** @return the bearer authorization of the user on the target, signing in once per target; null when refused */
    static synchronized String tokenFor(String target, String user, String password) {
        String known = TOKENS.get(target);
        if (known != null) {
            return known;
        }
        Result login = null;
        for (int attempt = 0; attempt < 3 && (login == null || login.status != 200); attempt++) {
            login = post(target + "/api/v1/auth/login", "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}", null);
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body);
        if (login.status != 200 || !token.find()) {
            fail("login", login);
            return null;
        }
        TOKENS.put(target, "Bearer " + token.group(1));
        return TOKENS.get(target);
    }

    /** @return the API path of the hall's routes: /api/v1 for the default hall (empty), else /api/v1/halls/{hall} */
    static String prefixOf(String hall) {
        return hall.isEmpty() ? "/api/v1" : "/api/v1/halls/" + hall;
    }

    /** The fill mode (see the file's comment): untimed tickets into every (hall, zone) named. */
    static void fill(List<String> targets, String halls, String zones, int clients) throws Exception {
        List<String> paths = new java.util.ArrayList<>();
        for (String hall : halls.isEmpty() ? new String[] {""} : halls.split(",")) {
            for (String z : zones.split(",")) {
                String[] zoneAndCount = z.split(":");
                for (int i = 0; i < Integer.parseInt(zoneAndCount[1]); i++) {
                    paths.add(prefixOf(hall) + "/tickets " + zoneAndCount[0]);
                }
            }
        }
        java.util.Collections.shuffle(paths, new java.util.Random(14));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        Thread[] workers = new Thread[clients];
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            String target = targets.get(i % targets.size());
            workers[i] = new Thread(() -> {
                for (int k; (k = next.getAndIncrement()) < paths.size(); ) {
                    String[] pz = paths.get(k).split(" ");
                    Result r = post(target + pz[0], "{\"zone\":\"" + pz[1] + "\"}", null);
                    if (r.status == 201) {
                        ok.incrementAndGet();
                    } else {
                        fail("fill", r);
                    }
                }
            }, "fill-" + i);
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("mode=fill ok=%d failed=%d seconds=%.2f rps=%.1f%n", ok.get(), failed.get(), seconds, ok.get() / seconds);
        failuresByKind.forEach((k, v) -> System.err.println("failures: " + k + " x " + v.get()));
    }

    /** The depth mode (see the file's comment). */
    static void depth(List<String> targets, String zone, int window, String depths, int samples, int clients, String user,
            String password) throws Exception {
        String target = targets.get(0);
        String authorization = signIn(target, window, user, password);
        Map<String, Long> answered = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> shown = new java.util.concurrent.ConcurrentHashMap<>();
        Thread screen = screen(targets.get(targets.size() - 1), shown);
        String ticket = "{\"zone\":\"" + zone + "\"}";
        int waiting = 0;
        StringBuilder out = new StringBuilder("mode=depth window=" + window + " zone=" + zone + " samples=" + samples);
        long firstP50 = -1;
        long lastP50 = -1;
        for (String d : depths.split(",")) {
            int length = Integer.parseInt(d.trim());
            int missing = length - waiting;
            if (missing > 0) {
                fill(targets, ticket, missing, clients);
                waiting = length;
            }
            if (firstP50 < 0) {
                // warm-up at the first length (untimed), so that the JIT does not favour the later lengths
                for (int i = 0; i < samples; i++) {
                    post(targets.get(i % targets.size()) + "/api/v1/tickets", ticket, null);
                    post(target + "/api/v1/windows/" + window + "/call-next", "{}", authorization);
                    post(target + "/api/v1/windows/" + window + "/complete", "{}", authorization);
                }
            }
            System.err.printf("depth: %d tickets waiting in %s, timing %d call-nexts%n", waiting, zone, samples);
            long[] times = new long[samples];
            for (int i = 0; i < samples; i++) {
                Result t = post(targets.get(i % targets.size()) + "/api/v1/tickets", ticket, null);
                if (t.status != 201) {
                    fail("ticket", t);
                }
                long t0 = System.nanoTime();
                Result r = post(target + "/api/v1/windows/" + window + "/call-next", "{}", authorization);
                times[i] = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                if (r.status != 200 || r.body.replace(" ", "").contains("\"ticket\":null")) {
                    fail("call-next", r);
                    continue;
                }
                java.util.regex.Matcher id = TICKET_ID.matcher(r.body);
                if (id.find()) {
                    answered.put(id.group(1), t1);
                }
                Result c = post(target + "/api/v1/windows/" + window + "/complete", "{}", authorization);
                if (c.status != 200) {
                    fail("complete", c);
                }
            }
            Arrays.sort(times);
            long p50 = percentile(times, 0.50);
            firstP50 = firstP50 < 0 ? p50 : firstP50;
            lastP50 = p50;
            out.append(" d").append(length).append("_p50_ms=").append(ms(p50))
                    .append(" d").append(length).append("_p99_ms=").append(ms(percentile(times, 0.99)));
        }
        Thread.sleep(5000); // the last events' way to the screen
        screen.interrupt();
        List<Long> delays = new java.util.ArrayList<>();
        answered.forEach((ticketId, at) -> {
            Long seen = shown.get(ticketId);
            if (seen != null) {
                delays.add(seen - at);
            }
        });
        long[] screenTimes = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        out.append(" screen_p50_ms=").append(signedMs(screenTimes, 0.50))
                .append(" screen_p99_ms=").append(signedMs(screenTimes, 0.99))
                .append(" screen_missing=").append(answered.size() - screenTimes.length);
        out.append(String.format(" flat=%.2f", firstP50 > 0 ? (double) lastP50 / firstP50 : 0))
                .append(" failed=").append(failed.get());
        failuresByKind.forEach((k, v) -> System.err.println("failures: " + k + " x " + v.get()));
        System.out.println(out);
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    static final java.util.regex.Pattern TICKET_ID = java.util.regex.Pattern.compile("\"ticket\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final java.util.regex.Pattern CALLED = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"CALLED\"");
    static final java.util.regex.Pattern EVENT_TICKET = java.util.regex.Pattern.compile("\"ticketId\"\\s*:\\s*\"([^\"]+)\"");

    /** A screen: follows the event stream of {@code target}, noting when each CALLED event arrives, by ticket id. */
    static Thread screen(String target, Map<String, Long> shown) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target + "/api/v1/queue/events")).build();
            try {
                HttpResponse<java.util.stream.Stream<String>> r = client.send(request, HttpResponse.BodyHandlers.ofLines());
                r.body().forEach(line -> {
                    long now = System.nanoTime();
                    if (line.startsWith(":")) {
                        connected.countDown();
                    } else if (line.startsWith("data: ") && CALLED.matcher(line).find()) {
                        java.util.regex.Matcher id = EVENT_TICKET.matcher(line);
                        if (id.find()) {
                            shown.putIfAbsent(id.group(1), now);
                        }
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("screen stopped");
                    }
                });
            } catch (Exception e) {
                // stopped, or the stream failed: calls without an event count as missing
            }
        }, "screen");
        t.setDaemon(true);
        t.start();
        if (!connected.await(10, TimeUnit.SECONDS)) {
            System.err.println("screen: no comment line from " + target + " within 10 s; timing from the first event");
        }
        return t;
    }

    /** Signs in once (bearer token) and takes the window; exits when either is refused. */
    static String signIn(String target, int window, String user, String password) {
        Result login = post(target + "/api/v1/auth/login", "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}", null);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body);
        if (login.status != 200 || !token.find()) {
            System.err.println("login refused: " + login.status + " " + login.body);
            System.exit(1);
        }
        String authorization = "Bearer " + token.group(1);
        Result r = post(target + "/api/v1/windows/" + window + "/sign-in", "{}", authorization);
        if (r.status != 200) {
            System.err.println("sign-in at window " + window + " refused: " + r.status + " " + r.body);
            System.exit(1);
        }
        return authorization;
    }

    /** Issues {@code count} tickets from {@code clients} threads, untimed. */
    static void fill(List<String> targets, String ticket, int count, int clients) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        Thread[] fillers = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            String target = targets.get(i % targets.size());
            fillers[i] = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    Result r = post(target + "/api/v1/tickets", ticket, null);
                    if (r.status != 201) {
                        fail("fill ticket", r);
                        left.incrementAndGet();
                        if (failed.get() > 100) {
                            return;
                        }
                    }
                }
            }, "fill-" + i);
            fillers[i].start();
        }
        for (Thread t : fillers) {
            t.join();
        }
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

    /** A percentile in ms that may be negative (an event that came before its call's answer); "-" when none. */
    static String signedMs(long[] sorted, double q) {
        return sorted.length == 0 ? "-" : String.format("%.2f", percentile(sorted, q) / 1e6);
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
