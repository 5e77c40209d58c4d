package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.CaseState;
import org.onedoor.core.internal.audit.AuditOutbox;

/**
 * A case change's audit events are stored with the change: when the audit trail cannot take them
 * right after the commit (or the node died there), the sweep records them later, once.
 */
class CaseAuditOutboxTest {

    private final CaseFixture f = new CaseFixture();

    private int pending() throws Exception {
        try (Connection c = f.ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_pending")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void recordedEventsLeaveNothingPending() throws Exception {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"), CaseFixture.CLERK)
                .hallCase().number();
        assertEquals(List.of("case-accept/success"), f.auditActions());
        assertEquals(no, f.audit.get(0).target());
        assertEquals(0, pending());
    }

    @Test
    void eventsTheAuditTrailDidNotTakeAreRecordedByTheSweepOnce() throws Exception {
        f.auditDown = true;
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        assertEquals(CaseState.APPROVED, f.cases.find(no).orElseThrow().state(), "the change itself is done");
        assertTrue(f.audit.isEmpty());
        assertEquals(2, pending());

        f.auditDown = false;
        assertEquals(0, f.outbox.sweep(), "events younger than the grace period belong to their own change");
        f.clock.advance(AuditOutbox.GRACE.plus(Duration.ofSeconds(1)));
        assertEquals(2, f.outbox.sweep());

        assertEquals(List.of("case-accept", "case-decide"), f.audit.stream().map(AuditEvent::action).toList());
        assertTrue(f.audit.stream().allMatch(e -> e.target().equals(no)));
        assertEquals(0, pending());
        assertEquals(0, f.outbox.sweep());
        assertEquals(2, f.audit.size());
    }
}
