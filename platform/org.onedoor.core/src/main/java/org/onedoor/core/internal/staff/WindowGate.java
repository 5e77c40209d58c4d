package org.onedoor.core.internal.staff;

import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;

/**
 * Decides whether a user may sign in to a window (R15, R16), from its staff record and the
 * configured mode; plain values, no store.
 */
final class WindowGate {

    /** How strictly the gate is kept ({@link StaffConfig#trainingRequired()}). */
    enum Mode {
        /** No gate. */
        OFF,
        /** Users with a staff record follow it; users without one pass (the accounts of before the registry). */
        LINKED,
        /** Every user needs an active staff record with a passed training. */
        STRICT;

        static Mode of(String value) {
            return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "" -> LINKED;
                case "strict" -> STRICT;
                case "false" -> OFF;
                default -> throw new IllegalArgumentException("etc/org.onedoor.staff.cfg: trainingRequired is true, strict or false, not '"
                        + value + "'");
            };
        }
    }

    /** Why a sign-in is refused: a stable code and the words, Chinese first. */
    record Refusal(String code, String message) {
    }

    private WindowGate() {
    }

    /** @return the refusal, or empty when the user may sign in at window {@code window} */
    static Optional<Refusal> check(Mode mode, String user, int window, Optional<StaffMember> record) {
        if (mode == Mode.OFF) {
            return Optional.empty();
        }
        if (record.isEmpty()) {
            return mode == Mode.STRICT ? Optional.of(new Refusal("no-staff-record", "用户 " + user + " 没有在册的工作人员记录，不能签到窗口 "
                    + window + "；请所在单位填报派驻表并经大厅审核 (R15) (user " + user + " has no staff record: window sign-in needs a"
                    + " dispatch filed by the unit and approved by the hall)")) : Optional.empty();
        }
        StaffMember m = record.get();
        switch (m.state()) {
            case PENDING:
                return Optional.of(new Refusal("staff-not-dispatched", m.realName() + " 的派驻表尚待大厅审核，不能签到窗口 " + window
                        + " (R15) (the dispatch of " + m.realName() + " awaits the hall's approval)"));
            case WITHDRAWN:
            case REJECTED:
                if (mode == Mode.LINKED && m.state() == StaffState.REJECTED) {
                    return Optional.empty();
                }
                return Optional.of(new Refusal("staff-withdrawn", m.realName() + " 已" + (m.state() == StaffState.WITHDRAWN ? "撤回" : "未获派驻")
                        + "，不能签到窗口 " + window + " (R15) (" + m.realName() + " is " + m.state().name().toLowerCase(Locale.ROOT)
                        + " and does not sign in to windows)"));
            default:
                break;
        }
        boolean needsTraining = mode == Mode.STRICT || m.post() == Post.WINDOW_STAFF;
        if (needsTraining && !m.trained()) {
            return Optional.of(new Refusal("training-required", m.post().chinese() + " " + m.realName() + " " + m.staffNumber().orElse("")
                    + " 尚无合格的岗前培训记录，须经大厅岗前培训合格后方可独立上岗签到窗口 " + window + " (R16) ("
                    + m.post().english() + " " + m.realName() + " has no passed pre-job training recorded by the hall: window staff work"
                    + " independently only after pre-job training)"));
        }
        return Optional.empty();
    }
}
