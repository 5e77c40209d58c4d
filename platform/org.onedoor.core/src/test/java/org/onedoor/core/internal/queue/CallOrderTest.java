package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.core.internal.zone.TestStore;

/** Call-next reads its candidates in index order and stops at the first: no sort of the waiting queue. */
class CallOrderTest {

    private static String plan(DataSource ds, String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void everyCandidateIsTheFirstRowOfAnIndexInItsOrder() throws Exception {
        DataSource ds = TestStore.migrated();
        Date day = Date.valueOf(LocalDate.of(2026, 11, 27));
        String sent = plan(ds, CallOrder.SENT_TO_WINDOW, day, "zhumadian", 97);
        String zone = plan(ds, CallOrder.FIRST_IN_ZONE, day, "zhumadian", "police");
        String hall = plan(ds, CallOrder.FIRST_IN_HALL, day, "zhumadian");
        assertTrue(sent.contains("TICKET_NEXT_SENT") && sent.contains("index sorted"), sent);
        assertTrue(zone.contains("TICKET_NEXT_IN_ZONE") && zone.contains("index sorted"), zone);
        assertTrue(hall.contains("TICKET_NEXT_SENT") && hall.contains("index sorted"), hall);
    }
}
