package org.onedoor.core.internal.cases;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.onedoor.api.cases.CaseState;

/**
 * The fixed ways a case row changes: each sets the state ({@code :state}), bumps the version and sets its own
 * columns, named in the order {@link #apply} takes their values; the case is {@code :case}. Nothing is spliced
 * into the SQL.
 */
enum CaseUpdate {
    STATE("UPDATE hall_case SET state = :state, version = version + 1 WHERE case_no = :case"),
    MATERIALS_COMPLETE("UPDATE hall_case SET state = :state, version = version + 1, supply_by = NULL WHERE case_no = :case"),
    STEPS_DONE("UPDATE hall_case SET state = :state, version = version + 1, steps_done = :stepsDone WHERE case_no = :case", "stepsDone"),
    DECISION("UPDATE hall_case SET state = :state, version = version + 1, decision = :decision, decided_by = :decidedBy, "
            + "decided_at = :decidedAt, decision_reason = :reason, signed_off_window = :atWindow WHERE case_no = :case",
            "decision", "decidedBy", "decidedAt", "reason", "atWindow"),
    DELIVERY("UPDATE hall_case SET state = :state, version = version + 1, delivery_method = :method, delivery_detail = :detail, "
            + "tracking_no = :tracking, pickup_code = :pickupCode, delivered_at = :deliveredAt, locker_cabinet = :cabinet, "
            + "locker_deposit_id = :deposit WHERE case_no = :case",
            "method", "detail", "tracking", "pickupCode", "deliveredAt", "cabinet", "deposit"),
    PICKED_UP("UPDATE hall_case SET state = :state, version = version + 1, pickup_code = '', closed_at = :closedAt WHERE case_no = :case",
            "closedAt"),
    PICKUP_CODE_CLEARED("UPDATE hall_case SET state = :state, version = version + 1, pickup_code = '' WHERE case_no = :case"),
    CLOSED("UPDATE hall_case SET state = :state, version = version + 1, closed_at = :closedAt WHERE case_no = :case", "closedAt"),
    /** Withdrawn or terminated: the reason and when. */
    ENDED("UPDATE hall_case SET state = :state, version = version + 1, end_reason = :reason, closed_at = :closedAt WHERE case_no = :case",
            "reason", "closedAt"),
    /** A corrected result: the new decision; the old delivery and closing are cleared (the result goes out again). */
    CORRECTION("UPDATE hall_case SET state = :state, version = version + 1, decision = :decision, decided_by = :decidedBy, "
            + "decided_at = :decidedAt, decision_reason = :reason, signed_off_window = FALSE, corrections = corrections + 1, "
            + "delivery_method = NULL, delivery_detail = '', tracking_no = '', pickup_code = '', delivered_at = NULL, locker_cabinet = NULL, "
            + "locker_deposit_id = NULL, closed_at = NULL WHERE case_no = :case",
            "decision", "decidedBy", "decidedAt", "reason"),
    /** The deadline moved on by the working days special procedures paused the clock. */
    DEADLINE("UPDATE hall_case SET state = :state, version = version + 1, deadline = :deadline WHERE case_no = :case", "deadline"),
    /** The fee charged (the state stays). */
    FEE("UPDATE hall_case SET state = :state, version = version + 1, fee_charged = :feeCharged WHERE case_no = :case", "feeCharged");

    private final String sql;
    private final List<String> names;

    CaseUpdate(String sql, String... names) {
        this.sql = sql;
        this.names = List.of(names);
    }

    /** Sets the case's state and this update's columns ({@code values}, in the order of the update's names). */
    void apply(Handle h, String number, CaseState state, Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(name() + " sets " + names + ", not " + values.length + " values");
        }
        Update u = h.createUpdate(sql).bind("state", state.name()).bind("case", number);
        for (int i = 0; i < values.length; i++) {
            u.bind(names.get(i), values[i]);
        }
        u.execute();
    }
}
