package org.onedoor.core.internal.evaluation;

import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.core.internal.text.FieldText;

/**
 * Who may take which step of a bad rating's follow-up, in which state (R18): the case's
 * department (its department users and approvers, or an admin) verifies, calls back, replies and
 * disputes; the hall (admin, operator, supervisor) decides disputes and records the citizen's answer.
 */
final class FollowUpRules {

    private static final String[] HALL = {"admin", "operator", "supervisor"};

    private FollowUpRules() {
    }

    static void unitStep(RatingFollowUp f, CaseActor actor, String what, FollowUpState... allowed) {
        boolean ownUnit = actor.holdsAny("department", "approver") && actor.department().map(f.departmentId()::equals).orElse(false);
        if (!ownUnit && !actor.holdsAny("admin")) {
            throw new CaseException(CaseException.Reason.FORBIDDEN, "not-your-follow-up", "差评回访由办件所属单位 " + f.departmentId()
                    + " 办理 (the follow-up belongs to the case's unit)");
        }
        requireState(f, what, allowed);
    }

    static void hallStep(RatingFollowUp f, CaseActor actor, String what, FollowUpState... allowed) {
        if (!actor.holdsAny(HALL)) {
            throw new CaseException(CaseException.Reason.FORBIDDEN, "not-hall-staff", "只有大厅管理人员可以" + what
                    + " (only the hall's admin, operators and supervisors may)");
        }
        requireState(f, what, allowed);
    }

    static void requireJustified(RatingFollowUp f, boolean wanted, String what) {
        if (f.justified().orElse(!wanted) != wanted) {
            throw new CaseException(CaseException.Reason.CONFLICT, wanted ? "rating-not-justified" : "rating-justified",
                    "该差评经核实" + (wanted ? "不属实" : "属实") + "，不能" + what + " (the rating was found " + (wanted ? "unjustified" : "justified") + ")");
        }
    }

    static String text(String field, String value, int max) {
        return FieldText.required(field, value, max);
    }

    static CaseException invalid(String code, String field, String message) {
        return FieldText.invalid(code, field, message);
    }

    private static void requireState(RatingFollowUp f, String what, FollowUpState... allowed) {
        for (FollowUpState s : allowed) {
            if (f.state() == s) {
                return;
            }
        }
        throw new CaseException(CaseException.Reason.CONFLICT, "illegal-transition", "差评回访 " + f.id() + " 处于 " + f.state()
                + " 状态，不能" + what + " (a follow-up in state " + f.state() + " does not allow this)");
    }
}
