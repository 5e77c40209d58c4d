package org.onedoor.api.cases;

/** Whether a user may sign a matter off on the spot under the letters written to it (R6). */
public enum LetterStanding {
    /** A letter in force covers the matter. */
    IN_FORCE,
    /** No letter covers the matter. */
    NONE,
    /** The letters covering the matter have expired. */
    EXPIRED,
    /** The letters covering the matter are valid only from a later day. */
    NOT_YET_VALID,
    /** The letters covering the matter are not yet filed with the hall. */
    NOT_FILED_WITH_HALL,
    /** The letters covering the matter were revoked. */
    REVOKED
}
