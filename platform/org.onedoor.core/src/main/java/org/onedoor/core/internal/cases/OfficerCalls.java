package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.OfficerCall;

/** The officers of matters-only units (R4) in the store: who is named, and the calls made to them. */
final class OfficerCalls {

    static final String COLUMNS = "id, case_no, department_id, officer, notified_at, expected_by, arrived_at";

    private OfficerCalls() {
    }

    static Optional<String> officer(Connection c, String departmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT officer FROM department_officer WHERE department_id = ?")) {
            ps.setString(1, departmentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static OfficerCall call(Connection c, String caseNumber, String departmentId, Instant at, int arrivalMinutes) throws SQLException {
        String officer = officer(c, departmentId).orElse("");
        Instant expected = at.plusSeconds(60L * arrivalMinutes);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO officer_call (case_no, department_id, officer, notified_at, "
                + "expected_by, late_alerted) VALUES (?, ?, ?, ?, ?, FALSE)", new String[] {"id"})) {
            ps.setString(1, caseNumber);
            ps.setString(2, departmentId);
            ps.setString(3, officer);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setTimestamp(5, Timestamp.from(expected));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new OfficerCall(keys.getLong(1), caseNumber, departmentId, officer, at, expected, Optional.empty());
            }
        }
    }

    /** The fixed lists of officer calls; what varies is bound, never spliced. */
    enum Listing {
        /** the latest calls */
        LATEST("ORDER BY id DESC LIMIT 200"),
        /** the latest calls of a department: department */
        LATEST_OF_DEPARTMENT("WHERE department_id = ? ORDER BY id DESC LIMIT 200"),
        /** a department's calls not yet answered: department */
        WAITING_OF_DEPARTMENT("WHERE department_id = ? AND arrived_at IS NULL ORDER BY id"),
        /** the unanswered calls past their time, not alerted yet: instant */
        LATE_UNALERTED("WHERE arrived_at IS NULL AND late_alerted = FALSE AND expected_by < ? ORDER BY id");

        private final String sql;

        Listing(String where) {
            this.sql = "SELECT " + COLUMNS + " FROM officer_call " + where;
        }
    }

    static List<OfficerCall> list(Connection c, Listing listing, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(listing.sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<OfficerCall> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp arrived = rs.getTimestamp("arrived_at");
                    out.add(new OfficerCall(rs.getLong("id"), rs.getString("case_no"), rs.getString("department_id"),
                            rs.getString("officer"), rs.getTimestamp("notified_at").toInstant(), rs.getTimestamp("expected_by").toInstant(),
                            Optional.ofNullable(arrived).map(Timestamp::toInstant)));
                }
            }
            return out;
        }
    }
}
