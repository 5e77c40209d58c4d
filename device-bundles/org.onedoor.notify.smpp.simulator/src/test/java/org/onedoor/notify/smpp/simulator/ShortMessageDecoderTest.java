package org.onedoor.notify.smpp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulator's decoding of short-message bytes: the alphabets and concatenation headers. */
class ShortMessageDecoderTest {

    @Test
    void ucs2IsDecodedAsUtf16BigEndian() {
        byte[] bytes = {0x60, (byte) 0xa8, 0x59, 0x7d};
        assertEquals("您好", ShortMessageDecoder.decode((byte) 0, (byte) 8, bytes).text());
    }

    @Test
    void theGsmDefaultAlphabetMapsItsOwnCodesNotAscii() {
        byte[] bytes = {0x00, 0x02, 0x41, 0x20, 0x11, 0x7b};
        assertEquals("@$A _ä", ShortMessageDecoder.decode((byte) 0, (byte) 0, bytes).text());
    }

    @Test
    void concatenationHeadersWithEightAndSixteenBitReferencesAreRead() {
        byte[] eight = {0x05, 0x00, 0x03, 0x2a, 0x02, 0x01, 0x00, 0x41};
        ShortMessageDecoder.Part p = ShortMessageDecoder.decode((byte) 0x40, (byte) 8, eight);
        assertEquals(Optional.of(new ShortMessageDecoder.Concat(0x2a, 2, 1)), p.concat());
        assertEquals("A", p.text());

        byte[] sixteen = {0x06, 0x08, 0x04, 0x01, 0x02, 0x03, 0x03, 'h', 'i'};
        ShortMessageDecoder.Part q = ShortMessageDecoder.decode((byte) 0x40, (byte) 3, sixteen);
        assertEquals(Optional.of(new ShortMessageDecoder.Concat(0x0102, 3, 3)), q.concat());
        assertEquals("hi", q.text());

        assertEquals(Optional.empty(), ShortMessageDecoder.decode((byte) 0, (byte) 3, "hi".getBytes(StandardCharsets.US_ASCII)).concat(),
                "without UDHI the first byte is text");
    }

    @Test
    void aHeaderLongerThanTheMessageAndAnUnknownCodingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShortMessageDecoder.decode((byte) 0x40, (byte) 8, new byte[] {0x09, 0x00}));
        assertThrows(IllegalArgumentException.class, () -> ShortMessageDecoder.decode((byte) 0, (byte) 4, new byte[] {0x01}));
    }
}
