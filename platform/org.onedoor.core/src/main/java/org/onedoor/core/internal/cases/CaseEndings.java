package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.core.internal.staff.DutyStore;

/**
 * The endings of a case other than its decision (R12): refusal to accept (不予受理), withdrawal by the
 * applicant, termination by the department, and the correction of a wrong decided result with the
 * original kept in the history. Each is one change of {@link CaseChanges}; a refusal for want of the
 * actor's right is recorded in the audit trail.
 */
final class CaseEndings {

    private final CaseIntake intake;
    private final CaseChanges changes;
    private final CaseSteps steps;

    CaseEndings(CaseIntake intake, CaseChanges changes, CaseSteps steps) {
        this.intake = intake;
        this.changes = changes;
        this.steps = steps;
    }

    /** 不予受理: the application is recorded as a case refused at acceptance, with its reason. */
    AcceptedCase refuse(AcceptRequest r, String reason, CaseActor actor, LocalDate day) {
        String why = CaseRules.endReason(CaseState.REFUSED_TO_ACCEPT, reason, false);
        CaseIntake.Plan plan = intake.plan(r.matterCode(), r.received(), day, false, CaseIntake.fields(r.fields(), r.applicant()));
        return intake.open(changes, r, actor, plan, day, why);
    }

    HallCase withdraw(String number, String reason, CaseActor actor) {
        return changes.move(number, actor, WindowBinding.Use.REQUIRED, "case-withdraw", "WITHDRAWN", (h, tx, before) -> {
            CaseRules.requireMove(before, CaseState.WITHDRAWN);
            String why = CaseRules.endReason(CaseState.WITHDRAWN, reason, true);
            CaseUpdate.ENDED.apply(h, before.number(), CaseState.WITHDRAWN, why.isEmpty() ? "申请人撤回申请" : why, Timestamp.from(tx.at()));
            return "申请人在窗口撤回申请" + (why.isEmpty() ? "" : "，理由：" + why) + steps.endPause(h, tx, before);
        });
    }

    HallCase terminate(String number, String reason, CaseActor actor) {
        return audited("case-terminate", actor, number, () -> changes.move(number, actor, WindowBinding.Use.NONE, "case-terminate", "TERMINATED",
                (h, tx, before) -> {
                    CaseRules.requireDepartment(before, actor);
                    CaseRules.requireApartFromSupervision(before, actor, DutyStore.ofUser(h, actor.user()));
                    CaseRules.requireMove(before, CaseState.TERMINATED);
                    String why = CaseRules.endReason(CaseState.TERMINATED, reason, false);
                    CaseUpdate.ENDED.apply(h, before.number(), CaseState.TERMINATED, why, Timestamp.from(tx.at()));
                    return "终止办理，理由：" + why + steps.endPause(h, tx, before);
                }));
    }

    HallCase correct(String number, boolean approve, String reason, CaseActor actor) {
        return audited("case-correct", actor, number, () -> changes.move(number, actor, WindowBinding.Use.NONE, "case-correct",
                approve ? "APPROVED" : "REJECTED", (h, tx, before) -> {
                    CaseRules.requireDepartment(before, actor);
                    CaseRules.requireApartFromSupervision(before, actor, DutyStore.ofUser(h, actor.user()));
                    String why = CaseRules.requireCorrectable(before, reason);
                    CaseState to = approve ? CaseState.APPROVED : CaseState.REJECTED;
                    CaseUpdate.CORRECTION.apply(h, before.number(), to, to.name(), actor.user(), Timestamp.from(tx.at()), why);
                    CaseState was = before.decision().orElseThrow();
                    String original = "原结果：" + was.chinese() + "（" + was + "，" + before.decidedBy() + "，"
                            + before.decidedAt().map(Object::toString).orElse("") + (before.decisionReason().isEmpty() ? "" : "，理由：" + before.decisionReason())
                            + (before.deliveredAt().isPresent() ? "，已于 " + before.deliveredAt().get() + " 送达" : "") + "）";
                    String detail = "更正办理结果：" + original + " → 新结果：" + to.chinese() + "（" + to + "），更正理由：" + why;
                    CaseAlerts.raise(tx, before.number(), before.departmentId(), AlertKind.CORRECTED_RESULT,
                            "办件 " + before.number() + " 的办理结果已更正：" + was.chinese() + " → " + to.chinese() + "，理由：" + why);
                    return detail;
                }));
    }

    /** Runs a department's move; a FORBIDDEN refusal is recorded in the audit trail before it is thrown. */
    private HallCase audited(String action, CaseActor actor, String number, java.util.function.Supplier<HallCase> move) {
        try {
            return move.get();
        } catch (CaseException e) {
            if (e.reason() == CaseException.Reason.FORBIDDEN) {
                changes.refusedAudit(action, actor, number, e);
            }
            throw e;
        }
    }
}
