package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.OfficerCall;

/**
 * The officers of matters-only units (R4) in the store: who is named, and the calls made to them.
 * Fixed queries only (a list is one of the {@link Listing}s), rows read by column name.
 */
final class OfficerCalls {

    private static final String SELECT = "SELECT id, case_no, department_id, officer, notified_at, expected_by, arrived_at FROM officer_call ";

    /** The lists of calls there are; each names the parameters it binds. */
    enum Listing {
        /** The newest 200. */
        RECENT("ORDER BY id DESC LIMIT 200"),
        /** A department's ({@code :department}) newest 200. */
        RECENT_OF_DEPARTMENT("WHERE department_id = :department ORDER BY id DESC LIMIT 200"),
        /** A department's ({@code :department}) calls whose officer has not arrived. */
        OPEN_OF_DEPARTMENT("WHERE department_id = :department AND arrived_at IS NULL ORDER BY id"),
        /** A department's ({@code :department}) calls answered at {@code :at}. */
        ARRIVED_AT("WHERE department_id = :department AND arrived_at = :at ORDER BY id"),
        /** Calls not answered by {@code :now} and not yet alerted. */
        LATE("WHERE arrived_at IS NULL AND late_alerted = FALSE AND expected_by < :now ORDER BY id");

        private final String sql;

        Listing(String rest) {
            this.sql = SELECT + rest;
        }
    }

    private OfficerCalls() {
    }

    static Optional<String> officer(Handle h, String departmentId) {
        return h.createQuery("SELECT officer FROM department_officer WHERE department_id = :department").bind("department", departmentId)
                .map((rs, ctx) -> rs.getString("officer")).findFirst();
    }

    static OfficerCall call(Handle h, String caseNumber, String departmentId, Instant at, int arrivalMinutes) {
        String officer = officer(h, departmentId).orElse("");
        Instant expected = at.plusSeconds(60L * arrivalMinutes);
        long id = h.createUpdate("INSERT INTO officer_call (case_no, department_id, officer, notified_at, expected_by, late_alerted)"
                + " VALUES (:number, :department, :officer, :at, :expected, FALSE)")
                .bind("number", caseNumber).bind("department", departmentId).bind("officer", officer)
                .bind("at", Timestamp.from(at)).bind("expected", Timestamp.from(expected))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new OfficerCall(id, caseNumber, departmentId, officer, at, expected, Optional.empty());
    }

    static List<OfficerCall> list(Handle h, Listing listing, Map<String, ?> params) {
        return h.createQuery(listing.sql).bindMap(params)
                .map((rs, ctx) -> new OfficerCall(rs.getLong("id"), rs.getString("case_no"), rs.getString("department_id"),
                        rs.getString("officer"), rs.getTimestamp("notified_at").toInstant(), rs.getTimestamp("expected_by").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("arrived_at")).map(Timestamp::toInstant)))
                .list();
    }
}
