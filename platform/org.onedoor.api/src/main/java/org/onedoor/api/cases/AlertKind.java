package org.onedoor.api.cases;

/** What a supervision alert is about (R4, R5, R10, R12). */
public enum AlertKind {
    /** An undecided case has used most of its time limit. */
    CASE_YELLOW,
    /** An undecided case is past its deadline. */
    CASE_RED,
    /** A matters-only unit's officer did not check in within the arrival time after being called. */
    OFFICER_LATE,
    /** A matters-only unit had enough cases this month to be converted to "staff enter". */
    CONVERSION_DUE,
    /** A decided result was corrected (R12); the original is kept in the case's history. */
    CORRECTED_RESULT,
    /** The fee charged on a case differs from its matter's fee rule, or a free matter was charged (R12, irregular fees). */
    FEE_MISMATCH,
    /** The same matter was handled under different committed time limits in the last month (R8, R12: inconsistent standards). */
    INCONSISTENT_STANDARD,
    /** A bad rating's follow-up is past its due day without a reply; escalated to the hall (R18). */
    FOLLOW_UP_LATE,
    /** A complaint is past its due day without an assignment or a reply; escalated to the hall (R20). */
    COMPLAINT_LATE,
    /** An open complaint about irregular fees, inconsistent standards or a wrong result (R12, from the citizen's side). */
    IRREGULARITY_COMPLAINT,
    /**
     * The supply-by day of a case accepted with tolerance passed and a tolerable material is still missing (R9);
     * the department may now reject or terminate the case (since 1.7).
     */
    SUPPLY_OVERDUE,
    /**
     * The working-day calendar does not know next year while the year's end is near (from 1 November): cases, bookings
     * and reports whose count reaches into that year will be refused ({@code calendar-year-missing}) until the
     * State Council's holiday notice is loaded (since 1.10).
     */
    CALENDAR_YEAR_MISSING
}
