package org.onedoor.api.queue;

/** Where a booking stands. */
public enum BookingState {
    /** Booked, not yet checked in, its check-in window not yet closed. */
    OPEN,
    /** Checked in within its window: it got an appointment ticket. */
    CHECKED_IN,
    /** Checked in after its window closed, on its day: it got a normal ticket. */
    CHECKED_IN_LATE,
    /** Cancelled by the person who booked it. */
    CANCELLED,
    /** Its window closed and it was not checked in (it still may be, late, the same day). */
    MISSED,
    /** Its day passed without a check-in: counts towards the booking suspension. */
    NO_SHOW
}
