package org.onedoor.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.core.internal.zone.TestStore;

class JdbcAuditTrailTest {

    private final JdbcAuditTrail trail = new JdbcAuditTrail(TestStore.database(), org.onedoor.api.hall.HallClock.of(java.time.Clock.systemUTC()));

    @Test
    void recordsComeBackNewestFirstAndFiltered() {
        trail.record(new AuditEvent("login", "op1", "127.0.0.1:5000", "op1", AuditEvent.SUCCESS, "bearer token"));
        trail.record(new AuditEvent("login", "admin", "10.0.0.9:1234", "admin", AuditEvent.FAILURE, "wrong password"));
        AuditRecord last = trail.record(new AuditEvent("zone-disable", "op1", "console", "police", AuditEvent.SUCCESS, ""));
        List<AuditRecord> all = trail.recent(null, null, 10);
        assertEquals(3, all.size());
        assertEquals(last, all.get(0));
        assertTrue(all.get(0).id() > all.get(1).id());
        assertEquals(2, trail.recent("login", null, 10).size());
        assertEquals(2, trail.recent(null, "op1", 10).size());
        assertEquals("10.0.0.9:1234", trail.recent("login", "admin", 10).get(0).event().origin());
        assertEquals(1, trail.recent(null, null, 1).size());
    }

    @Test
    void overLongFieldsAreCutNotRefused() {
        AuditRecord r = trail.record(new AuditEvent("x", "a".repeat(500), "o", "t".repeat(600), AuditEvent.SUCCESS, "d".repeat(5000)));
        assertEquals(128, r.event().actor().length());
        assertEquals(256, r.event().target().length());
        assertEquals(1000, trail.recent(null, null, 1).get(0).event().detail().length());
    }

    @Test
    void citizenNumbersNeverReachTheTrail() {
        trail.record(new AuditEvent("api-write", "clerk1", "10.0.0.5", "POST /api/v1/cases/41170219900307123X", AuditEvent.SUCCESS,
                "phone 13812345678"));
        AuditEvent stored = trail.recent(null, null, 1).get(0).event();
        assertEquals("POST /api/v1/cases/411***********123X", stored.target());
        assertEquals("phone 138****5678", stored.detail());
    }

    @Test
    void limitsOutsideOneToAThousandAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> trail.recent(null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> trail.recent(null, null, 1001));
    }
}
