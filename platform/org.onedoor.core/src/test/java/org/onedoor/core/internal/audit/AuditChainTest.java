package org.onedoor.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.core.internal.zone.TestStore;

/** The hash chain over the audit trail: rows changed, deleted or reordered with plain JDBC are found. */
class AuditChainTest {

    private final DataSource db = TestStore.migrated();
    private final JdbcAuditTrail trail = new JdbcAuditTrail(new org.onedoor.store.HallDatabase(db), java.time.Clock.systemUTC(), () -> "node-a");

    private void writeFive() {
        for (int i = 1; i <= 5; i++) {
            trail.record(new AuditEvent("case-accept", "clerk" + i, "10.0.0." + i, "case-" + i, AuditEvent.SUCCESS, "受理 " + i));
        }
    }

    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private String hashOf(long id) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT record_hash FROM audit_record WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anUntouchedChainIsIntactAndNamesTheNode() {
        assertEquals(AuditVerification.intact(0), trail.verify());
        writeFive();
        AuditVerification v = trail.verify();
        assertTrue(v.intact(), v.detail());
        assertEquals(5, v.checked());
        List<AuditRecord> recent = trail.recent(null, null, 10);
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), recent.stream().map(AuditRecord::id).toList());
        assertEquals("node-a", recent.get(0).node());
    }

    @Test
    void aChangedDetailIsNamed() throws SQLException {
        writeFive();
        sql("UPDATE audit_record SET detail = '受理 三' WHERE id = 3");
        AuditVerification v = trail.verify();
        assertFalse(v.intact());
        assertEquals(3, v.firstBrokenId());
        assertEquals(AuditVerification.ALTERED, v.problem());
        assertEquals(3, v.checked());
        assertTrue(v.detail().contains("记录 3"), v.detail());
    }

    @Test
    void aChangedTimeOrNodeIsNamed() throws SQLException {
        writeFive();
        sql("UPDATE audit_record SET node = 'node-x' WHERE id = 4");
        assertEquals(4, trail.verify().firstBrokenId());
        sql("UPDATE audit_record SET at = ? WHERE id = 2", Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(2, trail.verify().firstBrokenId());
    }

    @Test
    void aDeletedRowIsNamedAsMissing() throws SQLException {
        writeFive();
        sql("DELETE FROM audit_record WHERE id = 2");
        AuditVerification v = trail.verify();
        assertFalse(v.intact());
        assertEquals(2, v.firstBrokenId());
        assertEquals(AuditVerification.MISSING, v.problem());
    }

    @Test
    void deletedNewestRowsAreNamedAsMissing() throws SQLException {
        writeFive();
        sql("DELETE FROM audit_record WHERE id >= 4");
        AuditVerification v = trail.verify();
        assertEquals(4, v.firstBrokenId());
        assertEquals(AuditVerification.MISSING, v.problem());
    }

    @Test
    void swappedHashesAreNamedAtTheFirstOfThem() throws SQLException {
        writeFive();
        String h2 = hashOf(2);
        String h4 = hashOf(4);
        sql("UPDATE audit_record SET record_hash = ? WHERE id = 2", h4);
        sql("UPDATE audit_record SET record_hash = ? WHERE id = 4", h2);
        AuditVerification v = trail.verify();
        assertEquals(2, v.firstBrokenId());
        assertEquals(AuditVerification.ALTERED, v.problem());
    }

    @Test
    void aRowAlteredAndRehashedIsNamedByTheNextLink() throws SQLException {
        writeFive();
        String prev = hashOf(2);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + ChainedRow.COLUMNS + " FROM audit_record WHERE id = 3")) {
            rs.next();
            ChainedRow row = ChainedRow.MAPPER.map(rs, null);
            ChainedRow forged = new ChainedRow(3, row.at(), row.node(),
                    new AuditEvent("case-accept", "someone-else", "10.0.0.3", "case-3", AuditEvent.SUCCESS, "受理 3"), null, null)
                    .chainedTo(prev);
            sql("UPDATE audit_record SET actor = ?, record_hash = ? WHERE id = 3", "someone-else", forged.hash());
        }
        AuditVerification v = trail.verify();
        assertEquals(3, v.firstBrokenId());
        assertEquals(AuditVerification.UNLINKED, v.problem());
    }

    @Test
    void appendsAfterTamperingKeepTheBreakVisible() throws SQLException {
        writeFive();
        sql("DELETE FROM audit_record WHERE id = 5");
        trail.record(new AuditEvent("login", "op1", "console", "op1", AuditEvent.SUCCESS, ""));
        AuditVerification v = trail.verify();
        assertFalse(v.intact());
        assertEquals(5, v.firstBrokenId());
    }

    @Test
    void recordsWrittenBeforeTheChainAreChainedInIdOrder() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.executeUpdate("INSERT INTO audit_record (at, action, actor, origin, target, outcome, detail)"
                        + " VALUES (TIMESTAMP '2026-11-01 09:00:0" + i + ".25', 'login', 'op" + i + "', 'console', 'op', 'success', '')");
            }
        }
        AuditVerification before = trail.verify();
        assertTrue(before.intact(), before.detail());
        assertEquals(3, before.checked());
        AuditRecord next = trail.record(new AuditEvent("login", "op9", "console", "op9", AuditEvent.SUCCESS, ""));
        assertEquals(4, next.id());
        assertEquals(4, trail.verify().checked());
        sql("UPDATE audit_record SET actor = 'admin' WHERE id = 1");
        assertEquals(1, trail.verify().firstBrokenId());
    }

    @Test
    void manyThreadsOnOneNodeWriteOneGapFreeChain() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Long>> last = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String actor = "clerk" + t;
                last.add(pool.submit(() -> {
                    long id = 0;
                    for (int i = 0; i < 50; i++) {
                        id = trail.record(new AuditEvent("case-accept", actor, "10.0.0.1", "case-" + i, AuditEvent.SUCCESS, "")).id();
                    }
                    return id;
                }));
            }
            for (java.util.concurrent.Future<Long> f : last) {
                assertTrue(f.get(60, java.util.concurrent.TimeUnit.SECONDS) <= 400);
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerification v = trail.verify();
        assertTrue(v.intact(), v.detail());
        assertEquals(400, v.checked());
        assertEquals(400, trail.recent(null, null, 1).get(0).id());
    }

    @Test
    void theEncodingIsFixed() {
        ChainedRow row = new ChainedRow(7, java.time.LocalDateTime.parse("2026-11-27T10:15:30.120"), "node-a",
                new AuditEvent("zone-disable", "op1", "console", "police", "success", "维护"), AuditHash.GENESIS, null);
        // sha256 of "onedoor-audit-v1\n1:7\n23:2026-11-27T10:15:30.120\n6:node-a\n12:zone-disable\n3:op1\n7:console\n6:police\n7:success\n6:维护\n64:000…\n"
        assertEquals(AuditHash.of(row), AuditHash.of(row.chainedTo(AuditHash.GENESIS).chainedTo(AuditHash.GENESIS)));
        assertEquals(EXPECTED, AuditHash.of(row));
    }

    private static final String EXPECTED = expected();

    private static String expected() {
        String text = "onedoor-audit-v1\n1:7\n23:2026-11-27T10:15:30.120\n6:node-a\n12:zone-disable\n3:op1\n7:console\n6:police\n7:success\n6:维护\n64:"
                + "0".repeat(64) + "\n";
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
