package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.cases.OfficerCall;

/** The officers of matters-only units (R4) in the store: who is named, and the calls made to them. */
final class OfficerCalls {

    private static final String SELECT = "SELECT id, case_no, department_id, officer, notified_at, expected_by, arrived_at FROM officer_call ";

    /** A call to a unit's officer. */
    static final RowMapper<OfficerCall> CALL_ROW = (rs, ctx) -> new OfficerCall(rs.getLong("id"), rs.getString("case_no"),
            rs.getString("department_id"), rs.getString("officer"), rs.getTimestamp("notified_at").toInstant(),
            rs.getTimestamp("expected_by").toInstant(), Optional.ofNullable(rs.getTimestamp("arrived_at")).map(Timestamp::toInstant));

    private OfficerCalls() {
    }

    /** @return the officer named for the department, if one is */
    static Optional<String> officer(Handle h, String departmentId) {
        return h.createQuery("SELECT officer FROM department_officer WHERE department_id = :department").bind("department", departmentId)
                .map((rs, ctx) -> rs.getString("officer")).findOne();
    }

    /** Calls the department's officer (none named: the call names nobody) to come within {@code arrivalMinutes}. */
    static OfficerCall call(Handle h, String caseNumber, String departmentId, Instant at, int arrivalMinutes) {
        String officer = officer(h, departmentId).orElse("");
        Instant expected = at.plusSeconds(60L * arrivalMinutes);
        long id = h.createUpdate("INSERT INTO officer_call (case_no, department_id, officer, notified_at, expected_by, late_alerted) "
                + "VALUES (:case, :department, :officer, :at, :expected, FALSE)")
                .bind("case", caseNumber).bind("department", departmentId).bind("officer", officer).bind("at", Timestamp.from(at))
                .bind("expected", Timestamp.from(expected))
                .executeAndReturnGeneratedKeys("id").map((rs, ctx) -> rs.getLong("id")).one();
        return new OfficerCall(id, caseNumber, departmentId, officer, at, expected, Optional.empty());
    }

    /** @return the latest calls, newest first, at most 200 */
    static List<OfficerCall> latest(Handle h) {
        return h.createQuery(SELECT + "ORDER BY id DESC LIMIT 200").map(CALL_ROW).list();
    }

    /** @return the latest calls of a department, newest first, at most 200 */
    static List<OfficerCall> latestOf(Handle h, String departmentId) {
        return h.createQuery(SELECT + "WHERE department_id = :department ORDER BY id DESC LIMIT 200").bind("department", departmentId)
                .map(CALL_ROW).list();
    }

    /** @return a department's calls not yet answered, oldest first */
    static List<OfficerCall> waitingOf(Handle h, String departmentId) {
        return h.createQuery(SELECT + "WHERE department_id = :department AND arrived_at IS NULL ORDER BY id").bind("department", departmentId)
                .map(CALL_ROW).list();
    }

    /** @return the unanswered calls expected before {@code at}, not alerted yet, oldest first */
    static List<OfficerCall> lateUnalerted(Handle h, Instant at) {
        return h.createQuery(SELECT + "WHERE arrived_at IS NULL AND late_alerted = FALSE AND expected_by < :at ORDER BY id")
                .bind("at", Timestamp.from(at)).map(CALL_ROW).list();
    }
}
