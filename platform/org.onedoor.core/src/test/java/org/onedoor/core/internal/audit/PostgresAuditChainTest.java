package org.onedoor.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.store.testing.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two audit trails, as on two nodes sharing one PostgreSQL database (127.0.0.1:5432, started by
 * .ci/run), append at the same time from three threads each and still write one unbroken chain
 * without gaps.
 */
class PostgresAuditChainTest {

    @Test
    void twoNodesAppendingAtOnceKeepOneChain() throws Exception {
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_audit")) {
            PGSimpleDataSource ds = pg.migrated();
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
        }
    }
}
