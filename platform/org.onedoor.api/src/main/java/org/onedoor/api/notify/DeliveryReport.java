package org.onedoor.api.notify;

/**
 * A delivery receipt from the message centre about a message it accepted earlier.
 *
 * @param messageId the centre's message id, as in {@link SendReceipt#messageId()}
 * @param delivered whether it reached the handset
 * @param detail    the centre's own status text, e.g. {@code DELIVRD} or {@code UNDELIV}, may be empty
 */
public record DeliveryReport(String messageId, boolean delivered, String detail) {
}
