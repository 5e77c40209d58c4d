package org.onedoor.device.printer.escpos.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/** Builds an ESC/POS byte sequence: text in GB18030, alignment, character size, QR code, cut. */
final class EscPos {

    static final Charset GB18030 = Charset.forName("GB18030");
    /** {@code DLE EOT 1}: real-time printer status. */
    static final byte[] PRINTER_STATUS = {0x10, 0x04, 0x01};
    /** {@code DLE EOT 4}: real-time paper roll sensor status. */
    static final byte[] PAPER_STATUS = {0x10, 0x04, 0x04};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** {@code ESC @} then {@code FS &}: initialise, Chinese character mode. */
    EscPos init() {
        return raw(0x1B, 0x40, 0x1C, 0x26);
    }

    /** {@code ESC a n}: 0 left, 1 centre. */
    EscPos align(boolean centre) {
        return raw(0x1B, 0x61, centre ? 1 : 0);
    }

    /** {@code GS ! n}: width and height multiples, 1 to 8. */
    EscPos size(int width, int height) {
        return raw(0x1D, 0x21, ((width - 1) << 4) | (height - 1));
    }

    /** Text and a line feed; control characters are replaced by spaces. */
    EscPos line(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(c < 0x20 || c == 0x7F ? ' ' : c));
        out.writeBytes(clean.toString().getBytes(GB18030));
        return raw(0x0A);
    }

    /** {@code ESC d n}: feed n lines. */
    EscPos feed(int lines) {
        return raw(0x1B, 0x64, lines);
    }

    /** {@code GS ( k}: model 2, module size, error correction M, store the data, print it. */
    EscPos qr(String data, int moduleSize) {
        byte[] bytes = data.getBytes(GB18030);
        int length = bytes.length + 3;
        raw(0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
        raw(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, moduleSize);
        raw(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31);
        raw(0x1D, 0x28, 0x6B, length & 0xFF, (length >> 8) & 0xFF, 0x31, 0x50, 0x30);
        out.writeBytes(bytes);
        return raw(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
    }

    /** {@code GS V 66 n}: feed n lines and cut (partial cut). */
    EscPos cut(int feed) {
        return raw(0x1D, 0x56, 66, feed);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private EscPos raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }
}
