package org.onedoor.api.queue;

/** A queue operation that cannot be done, with a stable code and a message for the person who asked. */
public class QueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal it is. */
    public enum Reason {
        /** No such zone, window or ticket. */
        NOT_FOUND,
        /** The request is malformed or names something invalid. */
        INVALID,
        /** The request conflicts with the current state (zone closed, window not signed in, nothing to call...). */
        CONFLICT,
        /** The caller may not do it, e.g. act at a window another clerk holds (since 1.4). */
        FORBIDDEN
    }

    private final Reason reason;
    private final String code;

    /**
     * @param reason  the kind of refusal
     * @param code    a stable kebab-case code, e.g. {@code zone-closed}
     * @param message what happened and what to do
     */
    public QueueException(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    /** @return the kind of refusal */
    public Reason reason() {
        return reason;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }
}
