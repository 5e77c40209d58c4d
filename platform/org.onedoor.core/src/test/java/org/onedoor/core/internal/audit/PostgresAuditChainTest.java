package org.onedoor.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditVerification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two audit trails, as on two nodes sharing one PostgreSQL database (127.0.0.1:5432, started by
 * .ci/run), append at the same time from three threads each and still write one unbroken chain
 * without gaps.
 */
class PostgresAuditChainTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void twoNodesAppendingAtOnceKeepOneChain() throws Exception {
        boolean up = serverUp();
        if (!up && System.getenv("CI") != null) {
            fail("PostgreSQL must run on 127.0.0.1:5432 for this test (bash .ci/run starts it)");
        }
        assumeTrue(up, "PostgreSQL is not running on 127.0.0.1:5432 (bash .ci/run starts it)");
        String db = "onedoor_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + db);
        }
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(SERVER + db);
            ds.setUser("postgres");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history").load().migrate();
            JdbcAuditTrail a = new JdbcAuditTrail(new org.onedoor.store.HallDatabase(ds), Clock.systemUTC(), () -> "node-a");
            JdbcAuditTrail b = new JdbcAuditTrail(new org.onedoor.store.HallDatabase(ds), Clock.systemUTC(), () -> "node-b");
            int perWriter = 40;
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int w = 0; w < 6; w++) {
                    JdbcAuditTrail trail = w % 2 == 0 ? a : b;
                    String actor = "clerk" + w;
                    Callable<Integer> writer = () -> {
                        for (int i = 0; i < perWriter; i++) {
                            trail.record(new AuditEvent("case-accept", actor, "10.0.0.1", "case-" + i, AuditEvent.SUCCESS, "受理"));
                        }
                        return perWriter;
                    };
                    done.add(pool.submit(writer));
                }
                for (Future<Integer> f : done) {
                    assertEquals(perWriter, f.get(120, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            AuditVerification fromA = a.verify();
            assertTrue(fromA.intact(), fromA.detail());
            assertEquals(6L * perWriter, fromA.checked());
            assertEquals(fromA, b.verify());
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), min(id), max(id), count(DISTINCT node) FROM audit_record")) {
                rs.next();
                assertEquals(6L * perWriter, rs.getLong(1));
                assertEquals(1, rs.getLong(2));
                assertEquals(6L * perWriter, rs.getLong(3));
                assertEquals(2, rs.getLong(4));
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_record SET detail = '改过' WHERE id = 77");
            }
            assertEquals(77, a.verify().firstBrokenId());
        } finally {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static boolean serverUp() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
