package org.onedoor.api.notify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who is told what: a citizen gives a phone number for a ticket or a case, opts out or back in;
 * staff see the outbox (phones masked).
 */
@ProviderType
public interface NotificationSubscriptions {

    /**
     * Records that {@code phone} is told about {@code subject}'s events (replacing an earlier number).
     *
     * @param subject {@code ticket:<id>} or {@code case:<number>} (a citizen), {@code officer:<department>} (the officer a
     *                matters-only unit sends when called, R4) or {@code department:<department>} (told of bad ratings)
     * @param phone   a phone number, digits with an optional leading +
     * @param locale  the language of the messages (Chinese or English)
     * @throws IllegalArgumentException when the subject or the number cannot be used
     */
    void subscribe(String subject, String phone, Locale locale);

    /**
     * The number gets no more messages, including those written and not yet sent.
     *
     * @param phone  the number
     * @param origin where the opt-out came from (for the record)
     * @throws IllegalArgumentException when the number cannot be used
     */
    void optOut(String phone, String origin);

    /**
     * @param phone the number
     * @return whether the number had opted out
     */
    boolean optIn(String phone);

    /**
     * @param state only these, or all when empty
     * @param limit 1 to 500
     * @return the newest outbox rows first, phones masked
     */
    List<NotificationView> recent(Optional<DeliveryStatus> state, int limit);
}
