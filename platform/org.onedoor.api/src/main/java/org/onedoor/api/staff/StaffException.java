package org.onedoor.api.staff;

/** A registry operation that cannot be done, with a stable code and a message for the person who asked, Chinese first. */
public class StaffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal it is; the HTTP layer maps it to a status. */
    public enum Reason {
        /** No such staff record or form (404). */
        NOT_FOUND,
        /** The request is malformed or names something unknown (400). */
        INVALID,
        /** The actor may not do this, e.g. a form for another unit (403). */
        FORBIDDEN,
        /** A rule of the registry refuses it now, e.g. the two-year lock or a form already decided (409). */
        CONFLICT
    }

    private final Reason reason;
    private final String code;
    private final String field;

    /**
     * @param reason  the kind of refusal
     * @param code    a stable kebab-case code, e.g. {@code two-year-lock}
     * @param message what happened and what to do, Chinese first with English beside
     * @param field   the request's field refused, or empty
     */
    public StaffException(Reason reason, String code, String message, String field) {
        super(message);
        this.reason = reason;
        this.code = code;
        this.field = field == null ? "" : field;
    }

    /** @see #StaffException(Reason, String, String, String) */
    public StaffException(Reason reason, String code, String message) {
        this(reason, code, message, "");
    }

    /** @return the kind of refusal */
    public Reason reason() {
        return reason;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /** @return the field refused, or empty */
    public String field() {
        return field;
    }
}
