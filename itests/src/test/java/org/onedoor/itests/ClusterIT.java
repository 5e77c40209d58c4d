package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Three hall nodes as separate processes on 127.0.0.1, clustered over Hazelcast and sharing one
 * PostgreSQL database: a call made on one node reaches the others; kill -9 of a node loses no
 * acknowledged ticket and the others keep serving; a full stop and start keeps the waiting queue;
 * the users are the same on every node at once.
 */
public class ClusterIT {

    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    static final String OP = "clusterop";
    static final String OP_PW = "cluster-Secret-1";

    private static final List<HallNodeProcess> NODES = new ArrayList<>();
    private static String database;

    @BeforeClass
    public static void startHall() throws Exception {
        boolean pg = postgresUp();
        if (!pg && System.getenv("CI") != null) {
            fail("PostgreSQL must run on 127.0.0.1:5432 for the cluster test (bash .ci/run starts it)");
        }
        assumeTrue("PostgreSQL is not running on 127.0.0.1:5432; the cluster test needs it", pg);
        database = "onedoor_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        Path distribution = Path.of(System.getProperty("onedoor.distribution",
                "../karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz")).toAbsolutePath();
        Path root = Path.of("target", "cluster-" + database).toAbsolutePath();
        int[] clusterPorts = {HallNodeProcess.freePort(), HallNodeProcess.freePort(), HallNodeProcess.freePort()};
        StringBuilder members = new StringBuilder();
        for (int p : clusterPorts) {
            members.append(members.length() == 0 ? "" : ",").append("127.0.0.1:").append(p);
        }
        for (int i = 0; i < 3; i++) {
            NODES.add(HallNodeProcess.unpack(distribution, root.resolve("node-" + (i + 1)), "node-" + (i + 1),
                    HallNodeProcess.freePort(), clusterPorts[i], members.toString(), PG + database,
                    Map.of(OP, OP_PW + ",_g_:operatorgroup", "admin", "cluster-Admin-1,_g_:admingroup")));
        }
        NODES.get(0).start();
        awaitHealthy(NODES.get(0), 1);
        NODES.get(1).start();
        NODES.get(2).start();
        for (HallNodeProcess n : NODES) {
            awaitHealthy(n, 3);
        }
    }

    @AfterClass
    public static void stopHall() throws Exception {
        for (HallNodeProcess n : NODES) {
            n.kill9();
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static boolean postgresUp() {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static Http http(HallNodeProcess n) {
        return new Http(n.httpPort);
    }

    /** Waits until the node answers health 200 with the given number of cluster members and all zones open. */
    private static void awaitHealthy(HallNodeProcess node, int members) throws Exception {
        await("node " + node + " is up with " + members + " member(s)", 180, () -> {
            try {
                HttpResponse<String> r = http(node).get("/api/v1/health");
                if (r.statusCode() != 200) {
                    return false;
                }
                JsonObject health = new JsonObject(r.body());
                return health.getJsonArray("members").size() == members && health.getInteger("openZones") == 11;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(200);
        }
        fail("timed out waiting until " + what);
    }

    private static Map<String, String> issue(int count, String zone) throws Exception {
        Map<String, String> numbersById = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            HallNodeProcess node = NODES.stream().filter(HallNodeProcess::alive).toList().get(i % (int) NODES.stream().filter(HallNodeProcess::alive).count());
            HttpResponse<String> r = http(node).postJson("/api/v1/tickets", "{\"zone\": \"" + zone + "\"}");
            assertEquals(r.body(), 201, r.statusCode());
            JsonObject t = new JsonObject(r.body());
            numbersById.put(t.getString("id"), t.getString("number"));
        }
        return numbersById;
    }

    private static List<String> waiting(HallNodeProcess node, String zone) throws Exception {
        JsonArray waiting = new JsonObject(http(node).get("/api/v1/queue/snapshot?zone=" + zone).body()).getJsonArray("waiting");
        List<String> numbers = new ArrayList<>();
        waiting.forEach(o -> numbers.add(((JsonObject) o).getString("number")));
        return numbers;
    }

    @Test
    public void aKilledNodeLosesNoAcknowledgedTicketAndTheOthersKeepServing() throws Exception {
        Map<String, String> tickets = issue(30, "tax");
        assertEquals("numbers never repeat", 30, new HashSet<>(tickets.values()).size());
        List<String> before = waiting(NODES.get(0), "tax");

        HallNodeProcess victim = NODES.get(1);
        victim.kill9();
        HallNodeProcess survivor = NODES.get(0);
        awaitHealthy(survivor, 2);
        awaitHealthy(NODES.get(2), 2);

        for (HallNodeProcess n : List.of(NODES.get(0), NODES.get(2))) {
            for (Map.Entry<String, String> t : tickets.entrySet()) {
                HttpResponse<String> r = http(n).get("/api/v1/tickets/" + t.getKey());
                assertEquals(r.body(), 200, r.statusCode());
                assertEquals(t.getValue(), new JsonObject(r.body()).getString("number"));
            }
            assertEquals("every ticket is still in its place, once", before, waiting(n, "tax"));
        }
        Map<String, String> more = issue(5, "tax");
        Set<String> all = new HashSet<>(tickets.values());
        all.addAll(more.values());
        assertEquals("numbers issued after the failover do not repeat", 35, all.size());

        assertEquals(200, http(NODES.get(2)).postJsonAs("/api/v1/windows/137/sign-in", "{}", OP, OP_PW).statusCode());
        HttpResponse<String> called = http(NODES.get(2)).postJsonAs("/api/v1/windows/137/call-next", "{}", OP, OP_PW);
        assertEquals(before.get(0), new JsonObject(called.body()).getJsonObject("ticket").getString("number"));
        http(NODES.get(2)).postJsonAs("/api/v1/windows/137/complete", "{}", OP, OP_PW);

        victim.start();
        awaitHealthy(victim, 3);
    }

    @Test
    public void theWaitingQueueSurvivesAFullStopAndStart() throws Exception {
        issue(9, "police");
        List<String> before = waiting(NODES.get(0), "police");
        assertTrue(before.size() >= 9);
        for (HallNodeProcess n : NODES) {
            n.stop();
        }
        for (HallNodeProcess n : NODES) {
            n.start();
        }
        for (HallNodeProcess n : NODES) {
            awaitHealthy(n, 3);
        }
        for (HallNodeProcess n : NODES) {
            assertEquals(before, waiting(n, "police"));
        }
    }

    @Test
    public void aCallOnOneNodeReachesTheEventStreamOfAnother() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        var client = java.net.http.HttpClient.newHttpClient();
        var stream = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + NODES.get(0).httpPort + "/api/v1/queue/events?zone=enterprise")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.get().body().forEach(lines::add);
            } catch (Exception e) {
                lines.add("ERROR " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        await("the stream is open", 30, () -> lines.contains(": connected"));
        HallNodeProcess other = NODES.get(2);
        String number = new JsonObject(http(other).postJson("/api/v1/tickets", "{\"zone\": \"enterprise\"}").body()).getString("number");
        assertEquals(200, http(other).postJsonAs("/api/v1/windows/154/sign-in", "{}", OP, OP_PW).statusCode());
        assertEquals(200, http(other).postJsonAs("/api/v1/windows/154/call-next", "{}", OP, OP_PW).statusCode());
        await("node 1's stream shows the call made on node 3", 30, () -> lines.stream()
                .anyMatch(l -> l.contains("\"type\":\"CALLED\"") && l.contains(number)));
        stream.cancel(true);
        Files.writeString(Path.of("target", "cluster-stream.txt"), String.join("\n", lines));
    }

    @Test
    public void theAuditTrailIsOneIntactChainAcrossTheNodes() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < NODES.size(); i++) {
            HallNodeProcess n = NODES.get(i);
            int node = i;
            done.add(pool.submit(() -> {
                for (int k = 0; k < 8; k++) {
                    http(n).postJson("/api/v1/auth/login", "{\"username\":\"it.guess" + node + "x" + k + "\",\"password\":\"wrong-Password-1\"}");
                }
                return 8;
            }));
        }
        for (java.util.concurrent.Future<Integer> f : done) {
            assertEquals(8, (int) f.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        for (HallNodeProcess n : NODES) {
            HttpResponse<String> r = http(n).getAs("/api/v1/admin/audit/verify", "admin", "cluster-Admin-1");
            assertEquals(r.body(), 200, r.statusCode());
            JsonObject v = new JsonObject(r.body());
            assertTrue(r.body(), v.getBoolean("intact"));
            assertTrue(r.body(), v.getLong("checked") >= 24);
        }
        HttpResponse<String> logins = http(NODES.get(0)).getAs("/api/v1/admin/audit?action=login&limit=1000", "admin", "cluster-Admin-1");
        Set<String> writers = new HashSet<>();
        new JsonObject(logins.body()).getJsonArray("records").forEach(o -> writers.add(((JsonObject) o).getString("node")));
        assertTrue(writers.toString(), writers.containsAll(Set.of(NODES.get(0).nodeId, NODES.get(1).nodeId, NODES.get(2).nodeId)));
    }

    /** What one SSH command gave: whether the sign-in held and its output. */
    private record SshRun(boolean signedIn, String out) {
    }

    /** Signs in to the node's console over SSH (as bin/client does) with a password and runs one command. */
    private static SshRun ssh(HallNodeProcess node, String user, String password, String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect(user, "127.0.0.1", node.sshPort).verify(Duration.ofSeconds(20)).getSession()) {
                session.addPasswordIdentity(password);
                try {
                    session.auth().verify(Duration.ofSeconds(30));
                } catch (Exception refused) {
                    return new SshRun(false, "");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ChannelExec exec = session.createExecChannel(command + "\n")) {
                    exec.setOut(out);
                    exec.setErr(out);
                    exec.open().verify(Duration.ofSeconds(20));
                    exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(60));
                    return new SshRun(true, out.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** @return the HTTP status of a password sign-in ({@code POST /api/v1/auth/login}) on the node */
    private static int signIn(HallNodeProcess node, String user, String password) throws Exception {
        return http(node).postJson("/api/v1/auth/login",
                new JsonObject().put("username", user).put("password", password).encode()).statusCode();
    }

    /**
     * The users are the hall database's, the same on every node at once: a user added on one node
     * (console or API) signs in on another, and a password changed or a user disabled on one node is
     * refused on another at the next attempt. The refusals are checked once each, right after the change
     * (no waiting and retrying), so a node that kept a stale copy of a user would fail the test.
     */
    @Test
    public void aUserAddedChangedOrDisabledOnOneNodeIsTheSameOnTheOthersAtOnce() throws Exception {
        String admin = "admin";
        String adminPw = "cluster-Admin-1";
        HallNodeProcess one = NODES.get(0);
        HallNodeProcess two = NODES.get(1);
        HallNodeProcess three = NODES.get(2);
        awaitHealthy(two, 3);

        SshRun added = ssh(one, admin, adminPw, "onedoor:user-add --password cluster-Console-1 it.cluster.op operator");
        assertTrue("the admin signs in to node 1's console: " + added, added.signedIn());
        assertTrue(added.out(), added.out().contains("it.cluster.op"));
        SshRun onTwo = ssh(two, "it.cluster.op", "cluster-Console-1", "onedoor:zones");
        assertTrue("the user added in node 1's console signs in to node 2's console", onTwo.signedIn());
        assertTrue(onTwo.out(), onTwo.out().contains("police"));
        assertEquals("and to node 3's API", 200, signIn(three, "it.cluster.op", "cluster-Console-1"));

        HttpResponse<String> created = http(one).postJsonAs("/api/v1/admin/users",
                "{\"username\":\"it.cluster.api\",\"password\":\"cluster-First-Pw-1\",\"roles\":[\"operator\"]}", admin, adminPw);
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("the user added over node 1's API signs in on node 2", 200, signIn(two, "it.cluster.api", "cluster-First-Pw-1"));
        assertEquals("and is known to node 2's HTTP Basic (an operator, so 403, not 401)", 403,
                http(two).getAs("/api/v1/admin/users", "it.cluster.api", "cluster-First-Pw-1").statusCode());

        HttpResponse<String> reset = http(one).postJsonAs("/api/v1/admin/users/it.cluster.api/password",
                "{\"password\":\"cluster-Second-Pw-2\"}", admin, adminPw);
        assertEquals(reset.body(), 200, reset.statusCode());
        long changed = System.nanoTime();
        assertEquals("node 3 refuses the old password at once", 401, signIn(three, "it.cluster.api", "cluster-First-Pw-1"));
        long refusedMs = (System.nanoTime() - changed) / 1_000_000;
        assertEquals("node 3 takes the new one", 200, signIn(three, "it.cluster.api", "cluster-Second-Pw-2"));
        System.out.println("old password refused on node 3 " + refusedMs + " ms after node 1 changed it");

        HttpResponse<String> disabled = http(two).postJsonAs("/api/v1/admin/users/it.cluster.op/disable", "{}", admin, adminPw);
        assertEquals(disabled.body(), 200, disabled.statusCode());
        changed = System.nanoTime();
        assertEquals("node 1 refuses the user node 2 disabled at once", 401, signIn(one, "it.cluster.op", "cluster-Console-1"));
        refusedMs = (System.nanoTime() - changed) / 1_000_000;
        assertFalse("and so does node 3's console", ssh(three, "it.cluster.op", "cluster-Console-1", "onedoor:zones").signedIn());
        System.out.println("disabled user refused on node 1 " + refusedMs + " ms after node 2 disabled it");
    }
}
