package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.onedoor.api.cases.CaseState;

/**
 * The fixed ways a case row changes: each sets the state (first parameter), bumps the version and
 * sets its own columns; the case number is the last parameter. Nothing is spliced into the SQL.
 */
enum CaseUpdate {
    STATE("UPDATE hall_case SET state = ?, version = version + 1 WHERE case_no = ?"),
    MATERIALS_COMPLETE("UPDATE hall_case SET state = ?, version = version + 1, supply_by = NULL WHERE case_no = ?"),
    STEPS_DONE("UPDATE hall_case SET state = ?, version = version + 1, steps_done = ? WHERE case_no = ?"),
    DECISION("UPDATE hall_case SET state = ?, version = version + 1, decision = ?, decided_by = ?, decided_at = ?, "
            + "decision_reason = ?, signed_off_window = ? WHERE case_no = ?"),
    DELIVERY("UPDATE hall_case SET state = ?, version = version + 1, delivery_method = ?, delivery_detail = ?, tracking_no = ?, "
            + "pickup_code = ?, delivered_at = ?, locker_cabinet = ?, locker_deposit_id = ? WHERE case_no = ?"),
    PICKED_UP("UPDATE hall_case SET state = ?, version = version + 1, pickup_code = '', closed_at = ? WHERE case_no = ?"),
    PICKUP_CODE_CLEARED("UPDATE hall_case SET state = ?, version = version + 1, pickup_code = '' WHERE case_no = ?"),
    CLOSED("UPDATE hall_case SET state = ?, version = version + 1, closed_at = ? WHERE case_no = ?"),
    /** Withdrawn or terminated: the reason and when. */
    ENDED("UPDATE hall_case SET state = ?, version = version + 1, end_reason = ?, closed_at = ? WHERE case_no = ?"),
    /** A corrected result: the new decision; the old delivery and closing are cleared (the result goes out again). */
    CORRECTION("UPDATE hall_case SET state = ?, version = version + 1, decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?, "
            + "signed_off_window = FALSE, corrections = corrections + 1, delivery_method = NULL, delivery_detail = '', tracking_no = '', "
            + "pickup_code = '', delivered_at = NULL, locker_cabinet = NULL, locker_deposit_id = NULL, closed_at = NULL WHERE case_no = ?"),
    /** The deadline moved on by the working days special procedures paused the clock. */
    DEADLINE("UPDATE hall_case SET state = ?, version = version + 1, deadline = ? WHERE case_no = ?"),
    /** The fee charged (the state stays). */
    FEE("UPDATE hall_case SET state = ?, version = version + 1, fee_charged = ? WHERE case_no = ?");

    private final String sql;

    CaseUpdate(String sql) {
        this.sql = sql;
    }

    /** Sets the case's state and this update's columns ({@code params}, in the order of the statement). */
    void apply(Connection c, String number, CaseState state, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.name());
            int i = 2;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            ps.setString(i, number);
            ps.executeUpdate();
        }
    }
}
