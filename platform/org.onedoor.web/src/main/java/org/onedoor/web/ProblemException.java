package org.onedoor.web;

/**
 * Fails a request with an RFC 9457 problem document of the given status, stable code and detail.
 *
 * <p>The code is a short kebab-case word that clients can rely on (e.g. {@code unknown-zone});
 * the document's {@code type} is {@code urn:onedoor:problem:<code>}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;
    private final String field;

    /**
     * @param status HTTP status, 400 to 599
     * @param code   stable problem code, kebab-case
     * @param title  short human title of the problem kind
     * @param detail what happened in this request and, where possible, what to do
     */
    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, "");
    }

    /**
     * A problem that names the part of the request at fault (the document's {@code field} member), e.g.
     * 404 {@code unknown-hall} naming {@code hall}.
     *
     * @param field the request's field, path or query parameter at fault; empty for none
     * @since 1.3
     */
    public ProblemException(int status, String code, String title, String detail, String field) {
        super(detail);
        this.field = field == null ? "" : field;
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** @return a 400 problem for input that cannot be accepted */
    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail);
    }

    /** @return a 404 problem for something that does not exist */
    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, "Not found", detail);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the stable problem code */
    public String code() {
        return code;
    }

    /** @return the short title */
    public String title() {
        return title;
    }

    /**
     * @return the field of the request at fault, empty for none
     * @since 1.3
     */
    public String field() {
        return field;
    }
}
