package org.onedoor.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends messages through one message centre; created by a {@link NotificationSenderFactory}.
 *
 * <p>Threading: the node calls {@link #send} on its notification thread, one message at a time per
 * sender, and never {@link #dispose} while a send runs.
 */
@ConsumerType
public interface NotificationSender {

    /**
     * Hands the message to the message centre and returns once the centre accepted it; blocking,
     * bounded by the driver's own timeouts. Returning normally marks the message
     * {@link DeliveryStatus#SENT}.
     *
     * @param message the message
     * @return the centre's answer
     * @throws NotificationException when it was not accepted (retried later unless rejected)
     */
    SendReceipt send(NotificationMessage message) throws NotificationException;

    /** Releases what the sender holds (its connection to the centre); must not block long. */
    void dispose();
}
