package org.onedoor.api.cases;

/** Where the follow-up of a bad rating stands (R18: 差评闭环). */
public enum FollowUpState {
    /** Opened for a 不满意 or 非常不满意; the unit verifies it and calls the citizen back. */
    OPEN,
    /** Verified and the citizen called back; the unit now rectifies and replies, or disputes an unjustified rating. */
    CALLED_BACK,
    /** The unit disputes the rating as unjustified, with evidence; the hall decides. */
    DISPUTED,
    /** The unit replied (rectification, or an explanation where the rating lacks a legal basis); the hall asks the citizen. */
    REPLIED,
    /** Closed: the citizen's answer is recorded, or the hall upheld the unit's dispute. */
    CLOSED
}
