package org.onedoor.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

/**
 * A bounded fault campaign: three hall nodes on a private PostgreSQL under load (tickets and calls),
 * with kill -9 of a random node, SIGSTOP/SIGCONT of a node for longer than the failure detection, a
 * PostgreSQL restart and a full hall restart (power cut), one after the other; then the
 * {@link FaultChecker}'s verdict on the history. Counts from system properties {@code faults.kills},
 * {@code faults.pauses}, {@code faults.pgRestarts}, {@code faults.hallRestarts} (default 1 each);
 * bench/faults.sh runs the long campaign. Figures: target/faults/report.md.
 */
public class FaultCampaignIT {

    static final String ADMIN_PW = "faults-Admin-1";
    static final long RECOVERY_LIMIT_MS = Long.getLong("faults.recoveryLimitSeconds", 180) * 1000;

    private final List<HallNodeProcess> nodes = new ArrayList<>();
    private final Random random = new Random(Long.getLong("faults.seed", 12));

    @Test
    public void acknowledgedWritesSurviveEveryFault() throws Exception {
        String bin = PrivatePostgres.binaries();
        if (bin == null && System.getenv("CI") != null) {
            fail("the fault campaign needs PostgreSQL's binaries (initdb, pg_ctl) under /usr/lib/postgresql (bash .ci/run installs them)");
        }
        assumeTrue("PostgreSQL's binaries are not installed; the fault campaign needs its own instance", bin != null);
        Path root = Path.of("target", "faults").toAbsolutePath();
        Files.createDirectories(root);
        PrivatePostgres pg = PrivatePostgres.start(bin);
        FaultHistory history = FaultHistory.writingTo(root.resolve("history.jsonl"));
        FaultLoad load = null;
        try (Connection c = DriverManager.getConnection(pg.jdbc("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE faults");
        }
        try {
            startHall(root, pg.jdbc("faults"));
            load = new FaultLoad(nodes, history, "admin", ADMIN_PW);
            load.start();
            Thread.sleep(5_000);
            List<String> plan = plan();
            for (String fault : plan) {
                long at = System.currentTimeMillis();
                inject(fault, pg);
                long recovered = awaitService(load, at);
                history.recovery(new FaultHistory.Recovery(fault, recovered));
                Thread.sleep(3_000);
            }
            // the screens follow the streams a little longer, so that the last events reach them
            load.stopWriters();
            Thread.sleep(5_000);
            load.stop();
            FaultDatabase db;
            try (Connection c = DriverManager.getConnection(pg.jdbc("faults"), "postgres", "")) {
                db = FaultDatabase.read(c);
            }
            Map<String, Boolean> audit = new LinkedHashMap<>();
            for (HallNodeProcess n : nodes) {
                HttpResponse<String> r = new Http(n.httpPort).getAs("/api/v1/admin/audit/verify", "admin", ADMIN_PW);
                audit.put(n.nodeId, r.statusCode() == 200 && new JsonObject(r.body()).getBoolean("intact", false));
            }
            FaultChecker.Verdict verdict = FaultChecker.check(history, db, audit, RECOVERY_LIMIT_MS);
            Files.writeString(root.resolve("report.md"), FaultReport.markdown(plan, history, verdict));
            assertTrue(String.join("\n", verdict.violations()), verdict.passed());
            assertTrue("the police window opened cases: " + verdict.figures(), verdict.figures().getOrDefault("cases acknowledged", 0L) > 0);
        } finally {
            if (load != null) {
                load.stop();
            }
            for (HallNodeProcess n : nodes) {
                n.signal("CONT");
                n.kill9();
            }
            pg.stop();
        }
    }

    private List<String> plan() {
        List<String> plan = new ArrayList<>();
        int kills = Integer.getInteger("faults.kills", 1);
        int others = Integer.getInteger("faults.pauses", 1) + Integer.getInteger("faults.pgRestarts", 1) + Integer.getInteger("faults.hallRestarts", 1);
        for (int i = 0; i < kills; i++) {
            plan.add("kill-9");
        }
        String[] kinds = {"pause", "pg-restart", "hall-restart"};
        int[] counts = {Integer.getInteger("faults.pauses", 1), Integer.getInteger("faults.pgRestarts", 1), Integer.getInteger("faults.hallRestarts", 1)};
        int placed = 0;
        for (int k = 0; k < kinds.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                int at = Math.min(plan.size(), (int) ((long) (placed + 1) * (kills + others) / (others + 1)));
                plan.add(at, kinds[k]);
                placed++;
            }
        }
        return plan;
    }

    private void inject(String fault, PrivatePostgres pg) throws Exception {
        switch (fault) {
            case "kill-9" -> {
                HallNodeProcess victim = nodes.get(random.nextInt(nodes.size()));
                victim.kill9();
                victim.start();
            }
            case "pause" -> {
                HallNodeProcess victim = nodes.get(random.nextInt(nodes.size()));
                victim.signal("STOP");
                Thread.sleep(Long.getLong("faults.pauseSeconds", 12) * 1000);
                victim.signal("CONT");
            }
            case "pg-restart" -> pg.restart(random.nextBoolean() ? "fast" : "immediate");
            case "hall-restart" -> {
                for (HallNodeProcess n : nodes) {
                    n.kill9();
                }
                for (HallNodeProcess n : nodes) {
                    n.start();
                }
            }
            default -> throw new IllegalArgumentException(fault);
        }
    }

    /** Milliseconds from the fault until every node is UP with all members and zones and acknowledges a ticket; -1 if never. */
    private long awaitService(FaultLoad load, long since) throws Exception {
        long deadline = since + RECOVERY_LIMIT_MS + 60_000;
        for (HallNodeProcess n : nodes) {
            while (!(healthy(n) && load.issue(n) != null)) {
                if (System.currentTimeMillis() > deadline) {
                    return -1;
                }
                Thread.sleep(250);
            }
        }
        return System.currentTimeMillis() - since;
    }

    private boolean healthy(HallNodeProcess n) {
        return healthy(n, nodes.size());
    }

    private static boolean healthy(HallNodeProcess n, int members) {
        try {
            HttpResponse<String> r = new Http(n.httpPort).get("/api/v1/health");
            if (r.statusCode() != 200) {
                return false;
            }
            JsonObject h = new JsonObject(r.body());
            return "UP".equals(h.getString("status")) && h.getJsonArray("members").size() == members && h.getInteger("openZones") == 11;
        } catch (Exception e) {
            return false;
        }
    }

    private void startHall(Path root, String jdbc) throws Exception {
        Path distribution = Path.of(System.getProperty("onedoor.distribution",
                "../karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz")).toAbsolutePath();
        int[] clusterPorts = {HallNodeProcess.freePort(), HallNodeProcess.freePort(), HallNodeProcess.freePort()};
        StringBuilder members = new StringBuilder();
        for (int p : clusterPorts) {
            members.append(members.length() == 0 ? "" : ",").append("127.0.0.1:").append(p);
        }
        for (int i = 0; i < 3; i++) {
            HallNodeProcess n = HallNodeProcess.unpack(distribution, root.resolve("node-" + (i + 1)), "node-" + (i + 1),
                    HallNodeProcess.freePort(), clusterPorts[i], members.toString(), jdbc, Map.of("admin", ADMIN_PW + ",_g_:admingroup"));
            // the load is one client address: lift the limit on requests without credentials
            HallNodeProcess.set(n.home.resolve("etc/org.onedoor.web.cfg"), "publicBurst", "1000000");
            HallNodeProcess.set(n.home.resolve("etc/org.onedoor.web.cfg"), "publicPerSecond", "1000000");
            nodes.add(n);
        }
        nodes.get(0).start();
        long deadline = System.currentTimeMillis() + 180_000;
        while (!healthy(nodes.get(0), 1)) {
            if (System.currentTimeMillis() > deadline) {
                fail("node-1 did not start");
            }
            Thread.sleep(500);
        }
        nodes.get(1).start();
        nodes.get(2).start();
        for (HallNodeProcess n : nodes) {
            while (!healthy(n)) {
                if (System.currentTimeMillis() > deadline) {
                    fail("the hall did not start: " + n);
                }
                Thread.sleep(500);
            }
        }
    }
}
