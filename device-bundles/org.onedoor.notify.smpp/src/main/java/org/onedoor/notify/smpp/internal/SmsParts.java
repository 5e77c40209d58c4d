package org.onedoor.notify.smpp.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text goes into {@code submit_sm} short messages: plain ASCII letters, digits and common
 * punctuation (which the GSM default alphabet holds at the same codes) as data coding 0, one byte
 * per character, up to 160 in one message, 153 per part; anything else (Chinese) as UCS2, data
 * coding 8, up to 70 characters in one message, 67 per part. Parts carry a user data header
 * {@code 05 00 03 ref total seq} and are sent with UDHI set in {@code esm_class}.
 */
final class SmsParts {

    static final byte GSM_DEFAULT = 0x00;
    static final byte UCS2 = 0x08;

    /** The encoded parts of one text. */
    record Encoded(byte dataCoding, List<byte[]> parts) {
        boolean concatenated() {
            return parts.size() > 1;
        }
    }

    private SmsParts() {
    }

    static Encoded encode(String text, int reference) {
        boolean plain = text.chars().allMatch(SmsParts::plain);
        int single = plain ? 160 : 70;
        int per = plain ? 153 : 67;
        List<String> chunks = new ArrayList<>();
        if (text.length() <= single) {
            chunks.add(text);
        } else {
            for (int i = 0; i < text.length(); ) {
                int end = Math.min(text.length(), i + per);
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // keep a surrogate pair in one part
                }
                chunks.add(text.substring(i, end));
                i = end;
            }
        }
        if (chunks.size() > 255) {
            throw new IllegalArgumentException("text of " + text.length() + " characters needs more than 255 parts");
        }
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(plain ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
            if (chunks.size() == 1) {
                parts.add(body);
            } else {
                byte[] withHeader = new byte[6 + body.length];
                withHeader[0] = 0x05;
                withHeader[1] = 0x00;
                withHeader[2] = 0x03;
                withHeader[3] = (byte) reference;
                withHeader[4] = (byte) chunks.size();
                withHeader[5] = (byte) (i + 1);
                System.arraycopy(body, 0, withHeader, 6, body.length);
                parts.add(withHeader);
            }
        }
        return new Encoded(plain ? GSM_DEFAULT : UCS2, parts);
    }

    /** Characters whose GSM default alphabet code equals their ASCII code. */
    private static boolean plain(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || " !\"#%&'()*+,-./:;<=>?\n\r".indexOf(c) >= 0;
    }
}
