package org.onedoor.api.cases;

import java.util.EnumSet;
import java.util.Set;
import org.onedoor.api.text.Bilingual;

/** Where a case is in its flow; {@link #next()} lists the states it may legally move to. */
public enum CaseState implements Bilingual {
    /** Accepted at a window (or online); waiting for a decision or for its special steps. */
    ACCEPTED("已受理", "accepted"),
    /** At least one special legal step (site survey, hearing, review, mapping) has begun. */
    SPECIAL_STEPS("特别程序", "special procedures"),
    /** Decided in favour of the applicant. */
    APPROVED("准予许可", "approved"),
    /** Refused, with reasons. */
    REJECTED("不予许可", "rejected"),
    /** The result (certificate, licence or decision letter) is ready for delivery. */
    RESULT_READY("待送达", "result ready"),
    /** Handed over: at the issuance window, into a pickup locker, or sent by free mail. */
    DELIVERED("已送达", "delivered"),
    /** Finished; nothing more happens to it. */
    CLOSED("已办结", "closed"),
    /** Refused at acceptance (不予受理) with a reason; recorded with a number so its notice can be printed. Final. */
    REFUSED_TO_ACCEPT("不予受理", "refused to accept"),
    /** Withdrawn by the applicant at the window before the decision. Final. */
    WITHDRAWN("已撤回", "withdrawn"),
    /** Terminated by the department before the decision (终止办理), with a reason. Final. */
    TERMINATED("终止办理", "terminated");

    private final String chinese;
    private final String english;

    CaseState(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public String english() {
        return english;
    }

    /**
     * @return the name in Simplified Chinese
     * @deprecated since the label shape {@link Bilingual}: use {@link #chinese()}
     */
    @Deprecated
    public String labelZh() {
        return chinese;
    }

    /** @return the states a case in this state may move to */
    public Set<CaseState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(SPECIAL_STEPS, APPROVED, REJECTED, WITHDRAWN, TERMINATED);
            case SPECIAL_STEPS -> EnumSet.of(APPROVED, REJECTED, WITHDRAWN, TERMINATED);
            case APPROVED, REJECTED -> EnumSet.of(RESULT_READY);
            case RESULT_READY -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(CLOSED);
            case CLOSED, REFUSED_TO_ACCEPT, WITHDRAWN, TERMINATED -> EnumSet.noneOf(CaseState.class);
        };
    }

    /** @return true when the case ended without a decision: refused to accept, withdrawn or terminated */
    public boolean endedUndecided() {
        return this == REFUSED_TO_ACCEPT || this == WITHDRAWN || this == TERMINATED;
    }

    /**
     * @return true when a decided result in this state may be corrected (R12): the case then goes back
     *         to the corrected decision (APPROVED or REJECTED) and its result is made ready and delivered again
     */
    public boolean correctable() {
        return this == APPROVED || this == REJECTED || this == RESULT_READY || this == DELIVERED || this == CLOSED;
    }

    /** @return true when the case is still waiting for its decision */
    public boolean undecided() {
        return this == ACCEPTED || this == SPECIAL_STEPS;
    }
}
