package org.onedoor.notify.smpp.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes the {@code short_message} bytes of a {@code submit_sm}: its user data header when
 * {@code esm_class} has UDHI (0x40) set, and its text by {@code data_coding}: 8 UCS2 (UTF-16BE),
 * 3 Latin-1, 0 and 1 the GSM 03.38 default alphabet unpacked (one septet per byte, as SMPP carries
 * it), basic table without the escape extension.
 */
final class ShortMessageDecoder {

    /** Concatenation information from a user data header: reference, total parts, this part (1-based). */
    record Concat(int reference, int total, int sequence) {
    }

    /** A decoded part. */
    record Part(Optional<Concat> concat, String text) {
    }

    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private ShortMessageDecoder() {
    }

    static Part decode(byte esmClass, byte dataCoding, byte[] message) {
        byte[] body = message;
        Optional<Concat> concat = Optional.empty();
        if ((esmClass & 0x40) != 0 && message.length > 0) {
            int udhl = message[0] & 0xff;
            if (udhl + 1 > message.length) {
                throw new IllegalArgumentException("user data header length " + udhl + " exceeds the message");
            }
            concat = concat(Arrays.copyOfRange(message, 1, udhl + 1));
            body = Arrays.copyOfRange(message, udhl + 1, message.length);
        }
        return new Part(concat, text(dataCoding, body));
    }

    private static Optional<Concat> concat(byte[] udh) {
        int i = 0;
        while (i + 1 < udh.length) {
            int iei = udh[i] & 0xff;
            int len = udh[i + 1] & 0xff;
            if (i + 2 + len > udh.length) {
                break;
            }
            if (iei == 0x00 && len == 3) {
                return Optional.of(new Concat(udh[i + 2] & 0xff, udh[i + 3] & 0xff, udh[i + 4] & 0xff));
            }
            if (iei == 0x08 && len == 4) {
                return Optional.of(new Concat(((udh[i + 2] & 0xff) << 8) | (udh[i + 3] & 0xff), udh[i + 4] & 0xff, udh[i + 5] & 0xff));
            }
            i += 2 + len;
        }
        return Optional.empty();
    }

    static String text(byte dataCoding, byte[] body) {
        switch (dataCoding & 0xff) {
            case 0x08:
                return new String(body, StandardCharsets.UTF_16BE);
            case 0x03:
                return new String(body, StandardCharsets.ISO_8859_1);
            case 0x00:
            case 0x01:
                StringBuilder s = new StringBuilder();
                for (byte b : body) {
                    int c = b & 0x7f;
                    s.append(c < GSM.length() ? GSM.charAt(c) : '?');
                }
                return s.toString();
            default:
                throw new IllegalArgumentException("data_coding " + (dataCoding & 0xff) + " is not decoded by the simulator");
        }
    }
}
