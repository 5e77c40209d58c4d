package org.onedoor.api.queue;

/** A booking refused because of one field of the request, which it names (e.g. {@code phone}, {@code slot}). */
public class BookingException extends QueueException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param reason  the kind of refusal
     * @param code    a stable code, e.g. {@code invalid-phone}
     * @param field   the request field at fault
     * @param message what happened and what to do, Chinese first and English beside it
     */
    public BookingException(Reason reason, String code, String field, String message) {
        super(reason, code, message);
        this.field = field;
    }

    /** @return the request field at fault */
    public String field() {
        return field;
    }
}
