package org.onedoor.api.cases;

/** Where a complaint stands on its way to closure (R20). */
public enum ComplaintState {
    /** Taken in; the hall has not yet passed it to a unit. */
    RECEIVED,
    /** Passed to the unit complained about, which owes a reply by the due day. */
    ASSIGNED,
    /** The unit replied; the hall asks the complainant whether the reply is accepted. */
    REPLIED,
    /** Closed: the complainant accepted the reply, or the hall closed it with a recorded reason. */
    CLOSED
}
