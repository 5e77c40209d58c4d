package org.onedoor.api.cases;

/** A case operation that cannot be done, with a stable code and a message for the person who asked. */
public class CaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal it is; the HTTP layer maps it to a status. */
    public enum Reason {
        /** No such case, bundle or letter (404). */
        NOT_FOUND,
        /** The request is malformed or names something unknown (400). */
        INVALID,
        /** The request is well-formed but a rule refuses it, e.g. a main material is missing (422). */
        REFUSED,
        /** The case is not in a state that allows this, e.g. an illegal transition (409). */
        CONFLICT,
        /** The actor may not do this: no authorization letter, another department, special steps (403). */
        FORBIDDEN,
        /** Too many wrong check codes for this number: look-ups are paused for a while (429). */
        TOO_MANY_ATTEMPTS,
        /** A service the operation needs is not there or does not answer, e.g. the pickup lockers (503); retry later. */
        UNAVAILABLE,
        /** A file or a request larger than allowed, or one too many (413; since 1.4). */
        TOO_LARGE,
        /** A file whose content is not of an accepted type (415; since 1.4). */
        UNSUPPORTED_TYPE
    }

    private final Reason reason;
    private final String code;
    private final String field;

    /**
     * @param reason  the kind of refusal
     * @param code    a stable kebab-case code, e.g. {@code illegal-transition}
     * @param message what happened and what to do, Chinese first
     */
    public CaseException(Reason reason, String code, String message) {
        this(reason, code, message, "");
    }

    /**
     * A refusal of one field of the request.
     *
     * @param field the name of the field refused, as the request names it (e.g. {@code phone}), or empty
     */
    public CaseException(Reason reason, String code, String message, String field) {
        super(message);
        this.reason = reason;
        this.code = code;
        this.field = field == null ? "" : field;
    }

    /** @return the kind of refusal */
    public Reason reason() {
        return reason;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /** @return the field of the request that was refused, or empty when the refusal is not about one field */
    public String field() {
        return field;
    }
}
