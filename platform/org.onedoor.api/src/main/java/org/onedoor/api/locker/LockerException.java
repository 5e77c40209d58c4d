package org.onedoor.api.locker;

/** A locker request that cannot be carried out, with a reason callers can map to an answer. */
public class LockerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** No locker cabinet of that id is configured. */
        UNKNOWN_CABINET,
        /** Every door of the cabinet is occupied or out of service. */
        NO_FREE_DOOR,
        /** No waiting deposit of the cabinet has that code. */
        WRONG_CODE,
        /** The code already opened its door. */
        CODE_USED,
        /** Too many wrong codes were typed recently; see {@link LockerException#retryAfterSeconds()}. */
        TOO_MANY_ATTEMPTS,
        /** The cabinet does not answer or has no driver; the code stays valid. */
        CABINET_OFFLINE,
        /** The board reported the door still locked; the code stays valid, staff are told. */
        DOOR_FAILED_TO_OPEN,
        /**
         * The code was right and the door's opening is queued, but the cabinet has not confirmed it
         * yet; the door opens as soon as the cabinet answers, and the code is used.
         */
        OPEN_PENDING,
        /** A value of the request is malformed. */
        INVALID
    }

    private final Reason reason;
    private final long retryAfterSeconds;

    /**
     * @param reason  why
     * @param message a human explanation (Simplified Chinese first)
     */
    public LockerException(Reason reason, String message) {
        this(reason, message, 0);
    }

    /**
     * @param reason            why
     * @param message           a human explanation
     * @param retryAfterSeconds when trying again may help, 0 when not relevant
     */
    public LockerException(Reason reason, String message, long retryAfterSeconds) {
        super(message);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return seconds after which trying again may help, 0 when not relevant */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
