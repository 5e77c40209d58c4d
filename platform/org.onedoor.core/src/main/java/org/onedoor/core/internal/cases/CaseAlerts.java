package org.onedoor.core.internal.cases;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
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

    /** An alert as supervision lists it. */
    static final RowMapper<SupervisionAlert> ALERT_ROW = (rs, ctx) -> new SupervisionAlert(AlertKind.valueOf(rs.getString("kind")),
            rs.getString("department_id"), rs.getString("case_no"), rs.getString("detail"), rs.getTimestamp("raised_at").toInstant());

    /** A case found with its supply-by day passed: its number, department and that day. */
    private record Overdue(String number, String departmentId, LocalDate supplyBy) {
    }

    private static final RowMapper<Overdue> OVERDUE_ROW = (rs, ctx) -> new Overdue(rs.getString("case_no"), rs.getString("department_id"),
            rs.getDate("supply_by").toLocalDate());

    /** Raises an alert on the case in the change's transaction, and announces it after commit. */
    static void raise(CaseStore.Tx tx, String number, String departmentId, AlertKind kind, String detail) {
        tx.handle().createUpdate("INSERT INTO case_alert (case_no, department_id, kind, detail, raised_at) "
                + "VALUES (:case, :department, :kind, :detail, :at)")
                .bind("case", number).bind("department", departmentId).bind("kind", kind.name()).bind("detail", CaseRows.cut(detail, 1000))
                .bind("at", Timestamp.from(tx.at())).execute();
        tx.event("ALERT_" + kind.name(), number, "", departmentId, "", 0);
    }

    /**
     * Records the fee charged on a case (after its move to {@code after}) and raises a FEE_MISMATCH alert
     * when it breaks the matter's fee rule.
     *
     * @return the note for the case's history
     */
    static String fee(CaseStore.Tx tx, HallCase before, CaseState after, BigDecimal charged) {
        CaseUpdate.FEE.apply(tx.handle(), before.number(), after, charged);
        Optional<String> mismatch = CaseRules.feeMismatch(before, charged);
        if (mismatch.isPresent()) {
            raise(tx, before.number(), before.departmentId(), AlertKind.FEE_MISMATCH, mismatch.get());
        }
        return "；收费 " + charged.toPlainString() + " 元" + mismatch.map(m -> "，" + m + "，已报电子监察").orElse("，符合收费标准");
    }

    /**
     * Raises SUPPLY_OVERDUE for the undecided cases whose supply-by day is before {@code today} (a case's supply-by day is
     * cleared once its materials are complete) and marks each alerted, in the caller's transaction.
     *
     * @return the numbers of the cases alerted
     */
    static List<String> supplyOverdue(CaseStore.Tx tx, LocalDate today) {
        List<Overdue> due = tx.handle().createQuery("SELECT case_no, department_id, supply_by FROM hall_case "
                + "WHERE state IN ('ACCEPTED', 'SPECIAL_STEPS') AND supply_by < :today AND supply_overdue_alerted = FALSE ORDER BY case_no FOR UPDATE")
                .bind("today", java.sql.Date.valueOf(today)).map(OVERDUE_ROW).list();
        List<String> out = new ArrayList<>();
        for (Overdue o : due) {
            HallCase h = CaseRows.load(tx.handle(), o.number(), false).orElseThrow();
            String detail = "办件 " + h.number() + " 的容缺材料逾期未补齐：" + String.join("、", h.missingMaterials()) + "，补齐期限 " + o.supplyBy()
                    + "；部门可作出不予许可决定或终止办理（R9）";
            raise(tx, h.number(), o.departmentId(), AlertKind.SUPPLY_OVERDUE, detail);
            tx.handle().createUpdate("UPDATE hall_case SET supply_overdue_alerted = TRUE WHERE case_no = :case").bind("case", h.number()).execute();
            CaseRows.history(tx.handle(), h.number(), tx.at(), "system", "supervision", "supply-overdue", h.state(), detail);
            tx.audit(new org.onedoor.api.audit.AuditEvent("supply-overdue", "system", "supervision", h.number(),
                    org.onedoor.api.audit.AuditEvent.FAILURE, detail));
            out.add(h.number());
        }
        return out;
    }

    /** @return the alerts raised since {@code since}, of one department or (empty) of all, oldest first */
    static List<SupervisionAlert> since(Handle h, Instant since, String departmentId) {
        return h.createQuery("SELECT case_no, department_id, kind, detail, raised_at FROM case_alert "
                + "WHERE raised_at >= :since AND (:department = '' OR department_id = :department) ORDER BY raised_at, id")
                .bind("since", Timestamp.from(since)).bind("department", departmentId).map(ALERT_ROW).list();
    }
}
