package org.onedoor.core.internal.staff;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.DutyKind;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffException.Reason;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;

/**
 * Approval and supervision kept apart (R17) over plain values, no store: the approving section chief
 * of a matter does not hold its post-approval supervision duty; nobody is both approver and
 * supervisor of the same unit. Refusals are CONFLICT {@code duties-kept-apart}, naming R17.
 */
public final class DutyRules {

    /** The code of every refusal under R17. */
    public static final String CODE = "duties-kept-apart";

    private DutyRules() {
    }

    /** The hall (admin, supervisor) assigns duties, or a department user for its own unit. */
    static void mayAssign(HallPrincipal actor, String unitId) {
        if (actor.holdsAny(StaffRules.HALL_SIGNERS)) {
            return;
        }
        if (!actor.holdsAny(Set.of("department")) || !actor.department().map(unitId::equals).orElse(false)) {
            throw new StaffException(Reason.FORBIDDEN, "out-of-department", "职责由大厅管理员、督查人员或本单位用户分派，用户 " + actor.user()
                    + " 不能为 " + unitId + " 分派 (duties are assigned by the hall or by the unit for itself)", "unitId");
        }
    }

    /**
     * @param member           the member to hold the duty
     * @param held             the duties in force of the member's user
     * @param chiefLetterCover the matters of {@code unitId} the user approves as section chief under letters in force
     *                         (see {@link DutyStore#sectionChiefMatters})
     */
    static void checkAssign(StaffMember member, DutyKind kind, String unitId, String matterCode, List<Duty> held,
            Collection<String> chiefLetterCover) {
        if (member.state() != StaffState.ACTIVE) {
            throw new StaffException(Reason.CONFLICT, "not-active", "工作人员 " + member.realName() + " 处于 " + member.state()
                    + " 状态，只有在岗人员可以分派职责 (only an active staff member holds duties)");
        }
        for (Duty d : held) {
            if (d.kind() == kind && d.unitId().equals(unitId) && d.matterCode().equals(matterCode)) {
                throw new StaffException(Reason.CONFLICT, "duty-exists", member.realName() + " 已承担该职责 #" + d.id()
                        + " (the member holds this duty already)");
            }
        }
        DutyKind other = kind == DutyKind.APPROVAL ? DutyKind.SUPERVISION : DutyKind.APPROVAL;
        for (Duty d : held) {
            if (d.kind() == other && d.unitId().equals(unitId)) {
                throw refusal(member.realName() + "（用户 " + member.userName() + "）已承担 " + unitId + " 的" + other.chinese() + "职责 #"
                        + d.id() + "，不能再承担同一单位的" + kind.chinese() + "职责", "user " + member.userName() + " holds the "
                        + other.english() + " duty of " + unitId + " and cannot also hold its " + kind.english() + " duty");
            }
        }
        if (kind != DutyKind.SUPERVISION) {
            return;
        }
        if (member.post() == Post.SECTION_CHIEF && member.unitId().equals(unitId)) {
            throw refusal(unitId + " 的审批科长 " + member.realName() + " 不能承担本单位事项的批后监管职责",
                    "the approving section chief of " + unitId + " cannot hold the post-approval supervision of its matters");
        }
        List<String> overlap = chiefLetterCover.stream().filter(m -> matterCode.isEmpty() || m.equals(matterCode)).sorted().toList();
        if (!overlap.isEmpty()) {
            throw refusal(member.realName() + " 持审批科长授权书审批事项 " + String.join("、", overlap) + "，不能承担其批后监管职责",
                    member.realName() + " approves " + String.join(", ", overlap) + " as section chief under a letter and cannot supervise it"
                            + " after approval");
        }
    }

    /**
     * A section chief's letter makes its holder an approver of the unit's matters it covers: refused to a user
     * holding a supervision duty of the same unit (of those matters or of any other: one user is not approver
     * and supervisor of one unit).
     *
     * @param held the duties in force of the member's user
     */
    public static void checkChiefLetter(String realName, String unitId, Collection<String> matters, List<Duty> held) {
        for (Duty d : held) {
            if (d.kind() == DutyKind.SUPERVISION && d.unitId().equals(unitId)) {
                boolean same = d.matterCode().isEmpty() || matters.contains(d.matterCode());
                String what = d.matterCode().isEmpty() ? unitId + " 全部事项" : "事项 " + d.matterCode();
                throw refusal(realName + " 承担" + what + "的批后监管职责 #" + d.id() + "，不能持审批科长授权书审批" + (same ? "这些事项"
                        : "同一单位的事项"), realName + " holds the post-approval supervision duty of " + (d.matterCode().isEmpty()
                        ? "every matter of " + unitId : d.matterCode()) + " and cannot approve " + (same ? "it" : "matters of the same unit")
                        + " as section chief");
            }
        }
    }

    /**
     * A decision on a case (approval, rejection, termination, correction) is an act of approval: refused to a user
     * holding a post-approval supervision duty of the case's unit, of its matter or of any other (one user is not
     * approver and supervisor of one unit).
     *
     * @param user       the deciding user
     * @param unitId     the case's approving unit
     * @param matterCode the case's matter
     * @param held       the duties in force of the user
     */
    public static void checkDecision(String user, String unitId, String matterCode, List<Duty> held) {
        for (Duty d : held) {
            if (d.kind() == DutyKind.SUPERVISION && d.unitId().equals(unitId)) {
                boolean same = d.matterCode().isEmpty() || d.matterCode().equals(matterCode);
                String what = d.matterCode().isEmpty() ? unitId + " 全部事项" : "事项 " + d.matterCode();
                throw refusal("用户 " + user + "（" + d.realName() + "）承担" + what + "的批后监管职责 #" + d.id() + "，不能审批"
                        + (same ? "事项 " + matterCode + " 的办件" : "同一单位 " + unitId + " 的办件"), "user " + user + " holds the"
                        + " post-approval supervision duty of " + (d.matterCode().isEmpty() ? "every matter of " + unitId : d.matterCode())
                        + " and cannot decide a case of " + (same ? "matter " + matterCode : "the same unit " + unitId));
            }
        }
    }

    private static StaffException refusal(String zh, String en) {
        return new StaffException(Reason.CONFLICT, CODE, zh + "（R17 审管分离：审批科长不得同时承担批后监管） (R17 approval and supervision"
                + " kept apart: " + en + ")");
    }
}
