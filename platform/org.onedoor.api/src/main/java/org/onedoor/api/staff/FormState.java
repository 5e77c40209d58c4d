package org.onedoor.api.staff;

/** Where a dispatch or withdrawal form stands. */
public enum FormState {
    /** Signed by the unit, waiting for the hall's sign-off. */
    AWAITING_HALL,
    /** Signed by both; in effect. */
    APPROVED,
    /** Refused by the hall. */
    REJECTED
}
