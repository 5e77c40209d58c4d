package org.onedoor.api.user;

/** A user change that cannot be made: why, in words for the person who asked, and of which kind. */
public class UserAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is. */
    public enum Reason {
        /** The input is not acceptable (name, password, roles, department). */
        INVALID,
        /** No such user. */
        UNKNOWN_USER,
        /** A user of that name exists already. */
        USER_EXISTS
    }

    private final Reason reason;

    /**
     * @param reason the kind of refusal
     * @param detail what is wrong and, where possible, what to do
     */
    public UserAdminException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** @return the kind of refusal */
    public Reason reason() {
        return reason;
    }
}
