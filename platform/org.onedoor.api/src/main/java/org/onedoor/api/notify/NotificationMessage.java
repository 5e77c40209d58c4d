package org.onedoor.api.notify;

import java.util.Locale;
import java.util.regex.Pattern;
import org.onedoor.api.citizen.CitizenDataMasking;

/**
 * One short message to one citizen, as the node hands it to a sender: already rendered from its
 * template.
 *
 * @param eventKey   the hall event it tells of, e.g. {@code ticket:A012:near}; unique per message:
 *                   the node sends one message per key across the hall
 * @param phone      the recipient's mobile number, digits with an optional leading {@code +}
 * @param templateId the template it was rendered from, e.g. {@code turn-near}
 * @param locale     the language it is written in
 * @param text       the rendered text, 1 to 1000 characters
 */
public record NotificationMessage(String eventKey, String phone, String templateId, Locale locale, String text) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");

    /** Checks the values; a bad one throws {@link IllegalArgumentException} naming it. */
    public NotificationMessage {
        if (eventKey == null || eventKey.isBlank() || eventKey.length() > 128) {
            throw new IllegalArgumentException("eventKey must be 1-128 characters");
        }
        if (phone == null || !PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone must be 5-20 digits with an optional leading '+'");
        }
        if (templateId == null || templateId.isBlank()) {
            throw new IllegalArgumentException("templateId is missing");
        }
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        if (text == null || text.isEmpty() || text.length() > 1000) {
            throw new IllegalArgumentException("text must be 1-1000 characters");
        }
    }

    /** @return the phone number masked for logs and staff views, e.g. {@code 138****5678}, as
     *         {@link CitizenDataMasking#maskPhone} masks it */
    public String maskedPhone() {
        return CitizenDataMasking.maskPhone(phone);
    }

    /** The phone number never appears whole in a log line made from this record. */
    @Override
    public String toString() {
        return "NotificationMessage[eventKey=" + eventKey + ", phone=" + maskedPhone() + ", templateId=" + templateId
                + ", locale=" + locale.toLanguageTag() + ", length=" + text.length() + "]";
    }
}
