package org.onedoor.api.staff;

/** Where a staff member stands in the registry. */
public enum StaffState {
    /** The unit filed the dispatch form; the hall has not approved it yet. No staff number yet. */
    PENDING,
    /** Dispatched: both the unit and the hall signed; the member has a staff number. */
    ACTIVE,
    /** Withdrawn (or replaced) with both sign-offs; the record stays. */
    WITHDRAWN,
    /** The hall refused the dispatch form. */
    REJECTED
}
