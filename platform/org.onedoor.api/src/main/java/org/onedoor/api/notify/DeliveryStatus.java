package org.onedoor.api.notify;

/** Where a message stands in the node's notification outbox. */
public enum DeliveryStatus {
    /** Written, not yet accepted by the message centre; retried with backoff. */
    QUEUED,
    /** Accepted by the message centre, which gave a message id. */
    SENT,
    /** The message centre reported it delivered to the handset (a delivery receipt). */
    DELIVERED,
    /** Given up: rejected by the centre, the number opted out, or out of attempts. */
    FAILED
}
