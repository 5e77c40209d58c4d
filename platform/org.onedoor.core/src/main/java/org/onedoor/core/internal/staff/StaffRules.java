package org.onedoor.core.internal.staff;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.DispatchForm;
import org.onedoor.api.staff.FormState;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffException.Reason;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.core.internal.text.FieldText;

/**
 * The registry's rules (R15, R16) over plain values, no store: who signs which form, the two
 * sign-offs by two users, the two-year lock of section chiefs and chief representatives, the staff
 * numbering, what a recorded training holds. Refusals are {@link StaffException}s in Chinese with
 * English beside, naming the rule.
 */
final class StaffRules {

    /** The hall's roles that sign forms off (the hall's second signature). */
    static final Set<String> HALL_SIGNERS = Set.of("admin", "supervisor");
    /** The hall's roles that record trainings and see every unit. */
    static final Set<String> HALL_STAFF = Set.of("admin", "operator", "supervisor");
    /** How long a section chief or chief representative stays unless the hall agrees (R15). */
    static final int LOCK_YEARS = 2;
    /** The prefix of the hall's staff numbers. */
    static final String NUMBER_PREFIX = "ZW";

    private StaffRules() {
    }

    /** @return the staff number of the n-th dispatch approved in the hall: {@code ZW00001}, {@code ZW00002}, … */
    static String staffNumber(int n) {
        if (n < 1 || n > 99_999) {
            throw new IllegalStateException("staff numbering exhausted or broken at " + n);
        }
        return String.format("%s%05d", NUMBER_PREFIX, n);
    }

    /** The unit's sign-off: only a department user of that unit files its forms. */
    static void mayFile(HallPrincipal actor, String unitId) {
        if (!actor.holdsAny(Set.of("department"))) {
            throw new StaffException(Reason.FORBIDDEN, "not-unit-signer", "派驻和撤回表由进驻单位的单位用户填报 (R15)"
                    + " (dispatch and withdrawal forms are filed by the unit's department users)");
        }
        if (!actor.department().map(unitId::equals).orElse(false)) {
            throw new StaffException(Reason.FORBIDDEN, "out-of-department", "用户 " + actor.user() + " 只能为本单位 "
                    + actor.department().orElse("-") + " 填报，不能为 " + unitId + " 填报 (a unit files forms for its own staff only)", "unitId");
        }
    }

    /** The hall's sign-off: by the hall's admin or supervisor, a second person, on a form still awaiting it. */
    static void mayDecide(HallPrincipal actor, DispatchForm form) {
        if (!actor.holdsAny(HALL_SIGNERS)) {
            throw new StaffException(Reason.FORBIDDEN, "not-hall-signer", "派驻和撤回由大厅管理员或督查人员审核签字 (R15)"
                    + " (the hall's admin or supervisor signs forms off)");
        }
        if (form.state() != FormState.AWAITING_HALL) {
            throw new StaffException(Reason.CONFLICT, "form-decided", "表单 " + form.id() + " 已" + (form.state() == FormState.APPROVED
                    ? "审核通过" : "退回") + "，不能再次审核 (form " + form.id() + " was decided already: " + form.state() + ")");
        }
        if (form.filedBy().equals(actor.user())) {
            throw new StaffException(Reason.CONFLICT, "same-signer", "单位签字人和大厅签字人不能是同一人 (R15 两方签字)"
                    + " (the unit's and the hall's sign-offs are by two different users)");
        }
    }

    /** @return the first hall day on which the member may leave its locked post without the hall's agreement */
    static LocalDate lockedUntil(StaffMember m) {
        return m.dispatchedOn().orElseThrow().plusYears(LOCK_YEARS);
    }

    /**
     * The two-year lock (R15): a section chief or chief representative leaving (withdrawn or replaced)
     * before two years from dispatch needs the hall's recorded agreement.
     *
     * @return the agreement to record, if one was needed
     */
    static Optional<String> checkLock(StaffMember leaving, LocalDate today, Optional<String> agreement, boolean replaced) {
        String howZh = replaced ? "更换" : "撤回";
        String howEn = replaced ? "replaced" : "withdrawn";
        if (!leaving.post().twoYearLock() || leaving.dispatchedOn().isEmpty() || !today.isBefore(lockedUntil(leaving))) {
            return Optional.empty();
        }
        Optional<String> a = agreement.map(String::strip).filter(s -> !s.isEmpty());
        if (a.isEmpty()) {
            throw new StaffException(Reason.CONFLICT, "two-year-lock", leaving.post().chinese() + " " + leaving.realName() + " 于 "
                    + leaving.dispatchedOn().get() + " 派驻，" + lockedUntil(leaving) + " 前" + howZh
                    + "须经大厅同意并记录 (R15)；请在审核时填写 agreement（大厅同意的文号或说明） (a " + leaving.post().english()
                    + " dispatched on " + leaving.dispatchedOn().get() + " is not " + howEn + " before " + lockedUntil(leaving)
                    + " without the hall's recorded agreement: give it as agreement)", "agreement");
        }
        return Optional.of(text("agreement", a.get(), 200));
    }

    /** Trainings are recorded by the hall, on a day not in the future. */
    static void mayRecordTraining(HallPrincipal actor, LocalDate trainedOn, LocalDate today) {
        if (!actor.holdsAny(HALL_STAFF)) {
            throw new StaffException(Reason.FORBIDDEN, "not-hall-staff", "岗前培训由大厅记录 (R16) (the hall records pre-job trainings)");
        }
        if (trainedOn.isAfter(today)) {
            throw new StaffException(Reason.INVALID, "invalid-trainedOn", "trainedOn: 培训日期不能晚于今天 " + today
                    + " (a training is recorded once it took place)", "trainedOn");
        }
    }

    /** @return the text stripped; refused naming the field when blank, too long or with control characters */
    static String text(String field, String value, int max) {
        try {
            return FieldText.required(field, value, max);
        } catch (CaseException e) {
            throw new StaffException(Reason.INVALID, e.code(), e.getMessage(), e.field());
        }
    }
}
