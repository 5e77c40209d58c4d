package org.onedoor.core.internal.cases;

import java.util.List;
import java.util.Set;
import org.onedoor.api.cases.BundleState;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.StaffException;
import org.onedoor.core.internal.staff.DutyRules;

/**
 * The rules of the case flow, on a case as read (no store): which move the state diagram allows,
 * who may decide (R6), when a decision may be made (R9), when a result may be handed over (R11).
 * Each check throws the {@link org.onedoor.api.cases.CaseException} the caller answers with.
 */
final class CaseRules {

    static final String DECIDERS = "approver";
    static final String DEPARTMENT = "department";

    private CaseRules() {
    }

    /** The state diagram allows the move. */
    static void requireMove(HallCase c, CaseState to) {
        if (!c.state().next().contains(to)) {
            throw CaseStore.conflict("illegal-transition", "办件 " + c.number() + " 当前为“" + c.state().chinese() + "”（" + c.state()
                    + "），不能变为“" + to.chinese() + "”（" + to + "）；可变为：" + c.state().next());
        }
    }

    /** Approvers and department users act only for their own department (R6). */
    static void requireDepartment(HallCase c, CaseActor actor) {
        if (!actor.holdsAny(DECIDERS, DEPARTMENT)) {
            throw CaseStore.forbidden("not-an-approver", "用户 " + actor.user() + " 不是审批人员，不能在后台审批办件");
        }
        String own = actor.department().orElseThrow(() -> CaseStore.forbidden("out-of-department",
                "用户 " + actor.user() + " 未归属任何部门，不能审批 " + c.departmentId() + " 的办件"));
        if (!own.equals(c.departmentId())) {
            throw CaseStore.forbidden("out-of-department", "用户 " + actor.user() + " 只能审批本部门 " + own + " 的办件，办件 "
                    + c.number() + " 属于 " + c.departmentId());
        }
    }

    /**
     * Approval and supervision kept apart (R17): the decider of a case holds no post-approval supervision duty of the
     * case's unit; FORBIDDEN {@code duties-kept-apart} naming R17 otherwise.
     *
     * @param held the duties in force of the actor's user, read in the decision's transaction
     */
    static void requireApartFromSupervision(HallCase c, CaseActor actor, List<Duty> held) {
        try {
            DutyRules.checkDecision(actor.user(), c.departmentId(), c.matterCode(), held);
        } catch (StaffException e) {
            throw CaseStore.forbidden(e.code(), e.getMessage());
        }
    }

    /** Who marks a result ready: the hall's staff for any case, a department's people only for their own. */
    static void requireMayMarkResultReady(HallCase c, CaseActor actor) {
        if (actor.holdsAny(DECIDERS, DEPARTMENT) && !actor.holdsAny("clerk", "admin", "operator")) {
            requireDepartment(c, actor);
        }
    }

    /** No decision while tolerated materials are missing (R9) or special steps pending. */
    static void requireReadyForDecision(HallCase c) {
        requireReadyForDecision(c, CaseState.APPROVED, java.time.LocalDate.MIN);
    }

    /**
     * No decision while tolerated materials are missing (R9) or special steps pending; but once the supply-by day has
     * passed ({@code today} after it) with a material still missing, the case may be rejected all the same, steps or not.
     *
     * @return true when it is such a rejection for materials not supplied in time
     */
    static boolean requireReadyForDecision(HallCase c, CaseState to, java.time.LocalDate today) {
        if (!c.missingMaterials().isEmpty()) {
            boolean overdue = c.supplyBy().map(today::isAfter).orElse(false);
            if (overdue && to == CaseState.REJECTED) {
                return true;
            }
            throw CaseStore.conflict("materials-missing", "容缺材料未补齐：" + String.join("、", c.missingMaterials())
                    + (overdue ? "；补齐期限 " + c.supplyBy().get() + " 已过，可作出不予许可决定或终止办理，不能准予（R9）"
                            : "；补齐前不能作出决定（R9），补齐期限 " + c.supplyBy().map(Object::toString).orElse("—") + " 过后可不予许可或终止办理"));
        }
        if (!c.pendingSteps().isEmpty()) {
            throw CaseStore.conflict("special-steps-pending", "特别程序未完成：" + String.join("、",
                    c.pendingSteps().stream().sorted().map(SpecialStep::labelZh).toList()) + "；完成前不能作出决定");
        }
        return false;
    }

    /** @return the decision's reason, stripped: required for a rejection, at most 1000 characters */
    static String decisionReason(CaseState to, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (to == CaseState.REJECTED && why.isEmpty()) {
            throw new CaseException(CaseException.Reason.INVALID, "reason-required", "不予许可必须说明理由 (a rejection needs a reason)", "reason");
        }
        if (why.length() > 1000) {
            throw new CaseException(CaseException.Reason.INVALID, "reason-too-long", "理由最多1000个字符 (at most 1000 characters)", "reason");
        }
        return why;
    }

    /**
     * @return why an undecided case ends (refusal to accept, withdrawal, termination), stripped: required
     *         unless {@code optional} (a withdrawal), at most 1000 characters
     */
    static String endReason(CaseState to, String reason, boolean optional) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() && !optional) {
            throw new CaseException(CaseException.Reason.INVALID, "reason-required", "“" + to.chinese() + "”必须说明理由 (" + to
                    + " needs a reason)", "reason");
        }
        if (why.length() > 1000) {
            throw new CaseException(CaseException.Reason.INVALID, "reason-too-long", "理由最多1000个字符 (at most 1000 characters)", "reason");
        }
        return why;
    }

    /** Only a decided result is corrected, not while the old one waits in a pickup locker; a correction needs a reason. */
    static String requireCorrectable(HallCase c, String reason) {
        if (!c.state().correctable() || c.decision().isEmpty()) {
            throw CaseStore.conflict("not-decided", "办件 " + c.number() + " 当前为“" + c.state().chinese() + "”（" + c.state()
                    + "），没有可更正的办理结果");
        }
        if (!c.pickupCode().isEmpty()) {
            throw CaseStore.conflict("result-in-locker", "办件 " + c.number() + " 的原结果仍在智能柜中待取（" + c.deliveryDetail()
                    + "），取出后再更正");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new CaseException(CaseException.Reason.INVALID, "reason-required", "更正办理结果必须说明理由 (a correction needs a reason)",
                    "reason");
        }
        if (why.length() > 1000) {
            throw new CaseException(CaseException.Reason.INVALID, "reason-too-long", "理由最多1000个字符 (at most 1000 characters)", "reason");
        }
        return why;
    }

    /**
     * @return why the fee charged breaks the matter's fee rule (R12, irregular fees): a fee on a free matter, or an amount
     *         other than the matter's fee at acceptance; empty when it matches
     */
    static java.util.Optional<String> feeMismatch(HallCase c, java.math.BigDecimal charged) {
        if (charged.compareTo(c.feeDue()) == 0) {
            return java.util.Optional.empty();
        }
        if (c.feeDue().signum() == 0) {
            return java.util.Optional.of("免费事项 " + c.matterCode() + " 收取了 " + charged.toPlainString() + " 元（a free matter was charged）");
        }
        return java.util.Optional.of("收费 " + charged.toPlainString() + " 元与事项 " + c.matterCode() + " 的收费标准 "
                + c.feeDue().toPlainString() + " 元不符（the fee charged differs from the matter's fee）");
    }

    /** A case of a bundle is delivered with its bundle only; otherwise the diagram must allow DELIVERED. */
    static void requireDeliverable(HallCase before) {
        if (!before.bundleNumber().isEmpty()) {
            throw CaseStore.conflict("deliver-with-bundle", "办件 " + before.number() + " 属于“一件事” " + before.bundleNumber()
                    + "，须在全部事项办结后一并送达");
        }
        requireMove(before, CaseState.DELIVERED);
    }

    /** A bundle is delivered once, when all its parts have their results (R11). */
    static void requireBundleDeliverable(CaseBundle b) {
        if (b.state() == BundleState.DELIVERED) {
            throw CaseStore.conflict("illegal-transition", "“一件事” " + b.number() + " 已于 " + b.deliveredAt().orElseThrow() + " 送达");
        }
        var notReady = b.parts().stream().filter(p -> p.state() != CaseState.RESULT_READY)
                .map(p -> p.number() + "（" + p.state().chinese() + "）").toList();
        if (!notReady.isEmpty()) {
            throw CaseStore.conflict("bundle-not-ready", "“一件事” " + b.number() + " 还有事项未办结：" + String.join("、", notReady)
                    + "；全部办结后一次送达（R11）");
        }
    }

    /** Materials supplied later: only to an undecided case, only names it is missing. */
    static void requireSuppliable(HallCase before, java.util.List<String> materials) {
        if (!before.state().undecided()) {
            throw CaseStore.conflict("illegal-transition", "办件 " + before.number() + " 已作出决定（" + before.state() + "），不再收取材料");
        }
        if (materials.isEmpty()) {
            throw CaseStore.invalid("no-materials", "请列出补交的材料名称");
        }
        for (String name : materials) {
            if (!before.missingMaterials().contains(name)) {
                throw CaseStore.invalid("unknown-material", "“" + name + "”不是办件 " + before.number() + " 缺少的材料；缺少："
                        + (before.missingMaterials().isEmpty() ? "无" : String.join("、", before.missingMaterials())));
            }
        }
    }

    /** @return whether the supplied materials complete the case's missing ones */
    static boolean completes(HallCase before, java.util.List<String> materials) {
        return before.missingMaterials().size() == Set.copyOf(materials).size();
    }

    /**
     * On-the-spot sign-off needs a letter in force (R6): none, or one expired, not yet valid, not filed with
     * the hall or revoked, is FORBIDDEN, saying which.
     */
    static void requireLetter(org.onedoor.api.cases.LetterStanding standing, String user, HallCase c) {
        String why = switch (standing) {
            case IN_FORCE -> null;
            case EXPIRED -> "的授权书已过有效期 (the letter has expired)";
            case NOT_YET_VALID -> "的授权书尚未到有效期 (the letter is not valid yet)";
            case NOT_FILED_WITH_HALL -> "的授权书尚未在大厅备案 (the letter is not yet filed with the hall)";
            case REVOKED -> "的授权书已撤销 (the letter was revoked)";
            case NONE -> "的授权书 (no letter)";
        };
        if (why == null) {
            return;
        }
        String code = switch (standing) {
            case EXPIRED -> "letter-expired";
            case NOT_YET_VALID -> "letter-not-yet-valid";
            case NOT_FILED_WITH_HALL -> "letter-not-filed";
            default -> "not-authorized";
        };
        throw CaseStore.forbidden(code, "用户 " + user + (standing == org.onedoor.api.cases.LetterStanding.NONE ? " 没有 " : " 持有 ")
                + c.departmentId() + " 对事项 " + c.matterCode() + why + "，不能当场办结；办件已在部门后台队列中等待审批（R6）");
    }
}
