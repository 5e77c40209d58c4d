package org.onedoor.api.notify;

/**
 * What the message centre answered when it accepted a message.
 *
 * @param messageId the centre's message id (of the first part for a concatenated message)
 * @param parts     how many short-message parts it was sent as, at least 1
 */
public record SendReceipt(String messageId, int parts) {

    /** Checks the values. */
    public SendReceipt {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is missing");
        }
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, was " + parts);
        }
    }
}
