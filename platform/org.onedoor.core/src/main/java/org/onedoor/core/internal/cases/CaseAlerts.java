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
import java.util.Map;
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
        CaseUpdate.FEE.apply(tx.handle(), before.number(), after, charged);
        Optional<String> mismatch = CaseRules.feeMismatch(before, charged);
        if (mismatch.isPresent()) {
            raise(c, tx, before.number(), before.departmentId(), AlertKind.FEE_MISMATCH, mismatch.get());
        }
        return "；收费 " + charged.toPlainString() + " 元" + mismatch.map(m -> "，" + m + "，已报电子监察").orElse("，符合收费标准");
    }

    /**
     * Raises SUPPLY_OVERDUE for the undecided cases whose supply-by day is before {@code today} (a case's supply-by day is
     * cleared once its materials are complete) and marks each alerted, in the caller's transaction.
     *
     * @return the numbers of the cases alerted
     */
    static List<String> supplyOverdue(Connection c, CaseStore.Tx tx, java.time.LocalDate today) throws SQLException {
        List<Map.Entry<String, String>> due = tx.handle().createQuery("SELECT case_no, department_id, supply_by FROM hall_case "
                + "WHERE state IN ('ACCEPTED', 'SPECIAL_STEPS') AND supply_by < :today AND supply_overdue_alerted = FALSE ORDER BY case_no FOR UPDATE")
                .bind("today", java.sql.Date.valueOf(today))
                .map((rs, ctx) -> Map.entry(rs.getString("case_no"), rs.getString("department_id") + "\t" + rs.getDate("supply_by")))
                .list();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : due) {
            String[] deptAndDay = e.getValue().split("\t");
            HallCase h = CaseRows.load(tx.handle(), e.getKey(), false).orElseThrow();
            String detail = "办件 " + h.number() + " 的容缺材料逾期未补齐：" + String.join("、", h.missingMaterials()) + "，补齐期限 " + deptAndDay[1]
                    + "；部门可作出不予许可决定或终止办理（R9）";
            raise(c, tx, h.number(), deptAndDay[0], AlertKind.SUPPLY_OVERDUE, detail);
            tx.handle().createUpdate("UPDATE hall_case SET supply_overdue_alerted = TRUE WHERE case_no = :case").bind("case", h.number()).execute();
            CaseRows.history(tx.handle(), h.number(), tx.at(), "system", "supervision", "supply-overdue", h.state(), detail);
            tx.audit(new org.onedoor.api.audit.AuditEvent("supply-overdue", "system", "supervision", h.number(),
                    org.onedoor.api.audit.AuditEvent.FAILURE, detail));
            out.add(h.number());
        }
        return out;
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
