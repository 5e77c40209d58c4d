package org.onedoor.core.internal.complaint;

import java.util.Locale;
import java.util.regex.Pattern;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Complaint;
import org.onedoor.api.cases.ComplaintRequest;
import org.onedoor.api.cases.ComplaintState;
import org.onedoor.core.internal.text.FieldText;

/**
 * What may be done with a complaint, and by whom (R20): plain rules over a complaint and an
 * actor, no store. Refusals are {@link CaseException}s with a stable code and a message in
 * Chinese with English beside; the field refused is named in the message.
 */
final class ComplaintRules {

    /** The hall's roles that take complaints in and follow them up. */
    static final String[] HALL = {"admin", "operator", "supervisor"};
    /** Staff who may enter a complaint taken at the desk or by phone. */
    static final String[] INTAKE = {"admin", "operator", "supervisor", "clerk"};

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private final int roundsBeforeClosing;

    ComplaintRules(int roundsBeforeClosing) {
        this.roundsBeforeClosing = roundsBeforeClosing;
    }

    /** Checks a complaint being taken in; returns it with its text fields stripped. */
    ComplaintRequest checked(ComplaintRequest r, boolean staffPresent, boolean staffMayEnter) {
        if (r.channel() == null) {
            throw invalid("invalid-channel", "channel", "缺少投诉渠道 (channel is required)");
        }
        if (r.kind() == null) {
            throw invalid("invalid-kind", "kind", "缺少投诉类别 (kind is required)");
        }
        if (r.channel().enteredByStaff() && !staffPresent) {
            throw new CaseException(CaseException.Reason.FORBIDDEN, "staff-channel",
                    r.channel().chinese() + "的投诉由大厅工作人员登记 (complaints by " + r.channel().english() + " are entered by the hall's staff)");
        }
        if (staffPresent && !staffMayEnter) {
            throw new CaseException(CaseException.Reason.FORBIDDEN, "not-complaint-staff",
                    "只有大厅工作人员和窗口人员可以登记投诉 (only the hall's staff and clerks enter complaints)");
        }
        String name = text("complainant", r.complainant(), 64);
        String phone = r.phone() == null ? "" : r.phone().strip().replace(" ", "");
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            throw invalid("invalid-phone", "phone", "phone: 请填写可回访的手机号码或固定电话，如 13812345678 或 0396-1234567"
                    + " (a mainland mobile or landline number to call back)");
        }
        String department = r.departmentId() == null ? "" : r.departmentId().strip().toUpperCase(Locale.ROOT);
        String caseNumber = r.caseNumber() == null ? "" : r.caseNumber().strip().toUpperCase(Locale.ROOT);
        if (caseNumber.length() > 40) {
            throw invalid("invalid-case", "caseNumber", "caseNumber: 办件编号过长 (at most 40 characters)");
        }
        if (r.window() < 0 || r.window() > 9999) {
            throw invalid("invalid-window", "window", "window: 窗口号无效 (0 for none, or a window number)");
        }
        return new ComplaintRequest(r.channel(), r.kind(), name, phone, department, caseNumber, r.window(),
                text("text", r.text(), 1000));
    }

    /** The hall passes a complaint (again) to a unit: while received, or assigned and not yet replied. */
    void mayAssign(Complaint c, CaseActor actor) {
        requireHall(actor, "分派投诉 (assign a complaint)");
        requireState(c, "assign", ComplaintState.RECEIVED, ComplaintState.ASSIGNED);
    }

    /** The unit complained about (its department users and approvers) replies while the complaint is assigned to it. */
    void mayReply(Complaint c, CaseActor actor) {
        boolean ownUnit = actor.holdsAny("department", "approver") && actor.department().map(c.departmentId()::equals).orElse(false);
        if (!ownUnit && !actor.holdsAny("admin")) {
            throw new CaseException(CaseException.Reason.FORBIDDEN, "not-your-complaint", "该投诉已分派给 " + c.departmentId()
                    + "，只有该单位可以答复 (only the unit the complaint is assigned to replies)");
        }
        requireState(c, "reply", ComplaintState.ASSIGNED);
    }

    /** The hall records the complainant's answer to a reply. */
    void mayRecordResponse(Complaint c, CaseActor actor) {
        requireHall(actor, "登记投诉人意见 (record the complainant's answer)");
        requireState(c, "respond", ComplaintState.REPLIED);
    }

    /** The hall closes without acceptance only after the configured number of replies. */
    void mayClose(Complaint c, CaseActor actor) {
        requireHall(actor, "办结投诉 (close a complaint)");
        requireState(c, "close", ComplaintState.REPLIED);
        if (c.rounds() < roundsBeforeClosing) {
            throw new CaseException(CaseException.Reason.CONFLICT, "too-early-to-close", "投诉人尚未认可答复，单位已答复 " + c.rounds()
                    + " 次，满 " + roundsBeforeClosing + " 次后大厅方可径行办结；请先回访投诉人 (the hall closes without the complainant's acceptance only after "
                    + roundsBeforeClosing + " replies; record the complainant's answer first)");
        }
    }

    static String text(String field, String value, int max) {
        return FieldText.required(field, value, max);
    }

    private static void requireHall(CaseActor actor, String what) {
        if (!actor.holdsAny(HALL)) {
            throw new CaseException(CaseException.Reason.FORBIDDEN, "not-hall-staff", "只有大厅管理人员可以" + what
                    + " (only the hall's admin, operators and supervisors may)");
        }
    }

    private static void requireState(Complaint c, String action, ComplaintState... allowed) {
        for (ComplaintState s : allowed) {
            if (c.state() == s) {
                return;
            }
        }
        throw new CaseException(CaseException.Reason.CONFLICT, "illegal-transition", "投诉 " + c.number() + " 处于 " + c.state()
                + " 状态，不能执行 " + action + " (a complaint in state " + c.state() + " does not allow " + action + ")");
    }

    static CaseException invalid(String code, String field, String message) {
        return FieldText.invalid(code, field, message);
    }
}
