package org.onedoor.api.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case is in its flow; {@link #next()} lists the states it may legally move to. */
public enum CaseState {
    /** Accepted at a window (or online); waiting for a decision or for its special steps. */
    ACCEPTED("已受理"),
    /** At least one special legal step (site survey, hearing, review, mapping) has begun. */
    SPECIAL_STEPS("特别程序"),
    /** Decided in favour of the applicant. */
    APPROVED("准予许可"),
    /** Refused, with reasons. */
    REJECTED("不予许可"),
    /** The result (certificate, licence or decision letter) is ready for delivery. */
    RESULT_READY("待送达"),
    /** Handed over: at the issuance window, into a pickup locker, or sent by free mail. */
    DELIVERED("已送达"),
    /** Finished; nothing more happens to it. */
    CLOSED("已办结");

    private final String labelZh;

    CaseState(String labelZh) {
        this.labelZh = labelZh;
    }

    /** @return the Chinese name of the state */
    public String labelZh() {
        return labelZh;
    }

    /** @return the states a case in this state may move to */
    public Set<CaseState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(SPECIAL_STEPS, APPROVED, REJECTED);
            case SPECIAL_STEPS -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, REJECTED -> EnumSet.of(RESULT_READY);
            case RESULT_READY -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseState.class);
        };
    }

    /** @return true when the case is still waiting for its decision */
    public boolean undecided() {
        return this == ACCEPTED || this == SPECIAL_STEPS;
    }
}
