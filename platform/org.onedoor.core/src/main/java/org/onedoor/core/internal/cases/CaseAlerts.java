package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.SupervisionAlert;

/**
 * Alerts a change raises and supervision keeps (table {@code case_alert}): a corrected result, a fee
 * that does not match the matter's rule. Written in the change's transaction, so the alert exists
 * exactly when the change does.
 */
final class CaseAlerts {

    private CaseAlerts() {
    }

    static void raise(Connection c, CaseStore.Tx tx, String number, String departmentId, AlertKind kind, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_alert (case_no, department_id, kind, detail, raised_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, number);
            ps.setString(2, departmentId);
            ps.setString(3, kind.name());
            ps.setString(4, CaseRows.cut(detail, 1000));
            ps.setTimestamp(5, Timestamp.from(tx.at()));
            ps.executeUpdate();
        }
        tx.event("ALERT_" + kind.name(), number, "", departmentId, "", 0);
    }

    /**
     * Records the fee charged on a case (after its move to {@code after}) and raises a FEE_MISMATCH alert
     * when it breaks the matter's fee rule.
     *
     * @return the note for the case's history
     */
    static String fee(Connection c, CaseStore.Tx tx, HallCase before, CaseState after, BigDecimal charged) throws SQLException {
        CaseUpdate.FEE.apply(c, before.number(), after, charged);
        Optional<String> mismatch = CaseRules.feeMismatch(before, charged);
        if (mismatch.isPresent()) {
            raise(c, tx, before.number(), before.departmentId(), AlertKind.FEE_MISMATCH, mismatch.get());
        }
        return "；收费 " + charged.toPlainString() + " 元" + mismatch.map(m -> "，" + m + "，已报电子监察").orElse("，符合收费标准");
    }

    /** @return the alerts raised since {@code since}, of one department or (empty) of all, oldest first */
    static List<SupervisionAlert> since(Connection c, Instant since, String departmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_no, department_id, kind, detail, raised_at FROM case_alert "
                + "WHERE raised_at >= ? AND (? = '' OR department_id = ?) ORDER BY raised_at, id")) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setString(2, departmentId);
            ps.setString(3, departmentId);
            List<SupervisionAlert> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SupervisionAlert(AlertKind.valueOf(rs.getString("kind")), rs.getString("department_id"), rs.getString("case_no"),
                            rs.getString("detail"), rs.getTimestamp("raised_at").toInstant()));
                }
            }
            return out;
        }
    }
}
