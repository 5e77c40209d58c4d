package org.onedoor.api.citizen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks citizens' identity numbers and phone numbers in text meant for logs, audit records and
 * pages: an 18-character identity number keeps its first 3 and last 4 characters, a mainland
 * mobile number (11 digits starting with 1) its first 3 and last 4 digits, a landline
 * ({@code 0396-1234567}) its area code and last 2 digits, a Chinese passport or a Hong Kong/Macao
 * travel permit number ({@code E12345678}, {@code H12345678}) its letter and last 2 characters.
 */
public final class CitizenDataMasking {

    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{3})\\d{11}(\\d{3}[\\dXx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?(1[3-9]\\d)[- ]?\\d{4}[- ]?(\\d{4})(?!\\d)");
    private static final Pattern DOCUMENT = Pattern.compile("(?<![0-9A-Za-z])([EGHM])([0-9A-Z]?\\d{5,8})(\\d{2})(?![0-9A-Za-z])");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})-(\\d{5,6})(\\d{2})(?!\\d)");

    private CitizenDataMasking() {
    }

    /** @return the phone number with its middle hidden, e.g. {@code 138****5678}; other text unchanged */
    public static String maskPhone(String phone) {
        return maskPhones(phone);
    }

    /** @return the text with every identity number and phone number in it masked */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String ids = replace(ID, text, m -> m.group(1) + "*".repeat(11) + m.group(2));
        String documents = replace(DOCUMENT, ids, m -> m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
        return maskPhones(documents);
    }

    private static String maskPhones(String text) {
        String mobiles = replace(MOBILE, text, m -> m.group(1) + "****" + m.group(2));
        return replace(LANDLINE, mobiles, m -> m.group(1) + "-" + "*".repeat(m.group(2).length()) + m.group(3));
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> by) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
