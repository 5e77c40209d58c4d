package org.onedoor.core.internal.staff;

import java.util.Optional;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.RosterEntry;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffException.Reason;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;

/**
 * Who may take which window (plain values, no store): a member's zone limits its windows, and a
 * window rostered for the day belongs to the member rostered there. Used by the hall's roster and by
 * the gate at sign-in. Refusals name the zone and the window, Chinese first.
 */
final class SeatRules {

    private SeatRules() {
    }

    /** @return why the member may not be rostered at the window of {@code windowZone}, or empty */
    static Optional<WindowGate.Refusal> mayRoster(StaffMember m, Optional<String> memberZone, int window, String windowZone) {
        if (m.state() != StaffState.ACTIVE || m.staffNumber().isEmpty()) {
            return Optional.of(new WindowGate.Refusal("not-active", m.realName() + " 不是在岗工作人员（" + m.state()
                    + "），不能排班 (only an active staff member is rostered)"));
        }
        if (m.post() == Post.MATTERS_ONLY_OFFICER) {
            return Optional.of(new WindowGate.Refusal("not-window-post", m.realName() + " 是" + m.post().chinese()
                    + "，应呼叫到厅，不排窗口 (R4) (an officer of a matters-only unit comes when called and is not rostered)"));
        }
        return wrongZone(m, memberZone, window, windowZone);
    }

    /**
     * @param rosteredHere  the day's roster entry of the window, if any
     * @param rosteredThere the day's roster entry of the member, if any
     * @return why the user (its record, if any) may not sign in at the window, or empty
     */
    static Optional<WindowGate.Refusal> maySit(String user, Optional<StaffMember> record, Optional<String> memberZone, int window,
            String windowZone, Optional<RosterEntry> rosteredHere, Optional<RosterEntry> rosteredThere) {
        Optional<StaffMember> live = record.filter(m -> m.state() == StaffState.ACTIVE);
        if (live.isPresent()) {
            Optional<WindowGate.Refusal> zone = wrongZone(live.get(), memberZone, window, windowZone);
            if (zone.isPresent()) {
                return zone;
            }
        }
        if (rosteredHere.isPresent() && (live.isEmpty() || rosteredHere.get().staffId() != live.get().id())) {
            RosterEntry e = rosteredHere.get();
            return Optional.of(new WindowGate.Refusal("window-rostered", "窗口 " + window + " 今日排班给 " + e.plate().staffNumber() + " "
                    + e.plate().realName() + "，" + user + " 不能签到；如需调整请联系大厅 (window " + window + " is rostered today to "
                    + e.plate().staffNumber() + ": the hall changes the roster)"));
        }
        if (live.isPresent() && rosteredThere.isPresent() && rosteredThere.get().window() != window) {
            int other = rosteredThere.get().window();
            return Optional.of(new WindowGate.Refusal("rostered-elsewhere", live.get().realName() + " 今日排班在窗口 " + other + "，请到窗口 "
                    + other + " 签到 (you are rostered at window " + other + " today)"));
        }
        return Optional.empty();
    }

    private static Optional<WindowGate.Refusal> wrongZone(StaffMember m, Optional<String> memberZone, int window, String windowZone) {
        if (memberZone.isPresent() && !memberZone.get().equals(windowZone)) {
            return Optional.of(new WindowGate.Refusal("wrong-zone", m.realName() + " " + m.staffNumber().orElse("") + " 属于 "
                    + memberZone.get() + " 区，不能在 " + windowZone + " 区的窗口 " + window + " 办理；请到本区窗口签到，或请大厅调整所属区域 ("
                    + m.realName() + " works in zone " + memberZone.get() + " and cannot take window " + window + " of zone " + windowZone
                    + ": sign in at a window of your own zone, or ask the hall to change your zone)"));
        }
        return Optional.empty();
    }
}
