package org.onedoor.api.notify;

/**
 * Thrown by a sender when a message was not accepted: either for now (the node retries with
 * backoff) or for good ({@link #rejected}, e.g. the centre refused the number).
 */
public class NotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean rejected;

    /**
     * @param message why it was not accepted this time
     * @param cause   the underlying failure, or null
     */
    public NotificationException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private NotificationException(String message, Throwable cause, boolean rejected) {
        super(message, cause);
        this.rejected = rejected;
    }

    /**
     * @param message why the centre can never accept the message
     * @return an exception that makes the node record the message as failed and go on
     */
    public static NotificationException rejected(String message) {
        return new NotificationException(message, null, true);
    }

    /** @return true when retrying cannot help */
    public boolean isRejected() {
        return rejected;
    }
}
