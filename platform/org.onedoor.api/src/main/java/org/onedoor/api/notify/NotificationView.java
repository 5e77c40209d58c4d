package org.onedoor.api.notify;

import java.time.Instant;

/**
 * A notification of the outbox as staff may see it: the phone masked, the text left out.
 *
 * @param id            the outbox row
 * @param eventKey      the event it is for (one message per key), e.g. {@code ticket:<id>:called}
 * @param maskedPhone   the recipient, masked ({@code 138****5678})
 * @param templateId    the template it was written from
 * @param state         where it stands
 * @param attempts      sending attempts so far
 * @param createdAt     when it was written
 * @param nextAttemptAt when it is tried next (while queued)
 * @param senderId      the sender that took it, or empty
 * @param messageId     the message id the sender's centre gave, or empty
 * @param note          why it failed or was held, or empty
 */
public record NotificationView(long id, String eventKey, String maskedPhone, String templateId, DeliveryStatus state,
        int attempts, Instant createdAt, Instant nextAttemptAt, String senderId, String messageId, String note) {
}
