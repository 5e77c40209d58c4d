package org.onedoor.device.led.stx.internal;

import java.util.Locale;

/**
 * A board vendor's variant of the STX/ETX frame: how the checksum over address, command,
 * length and payload is computed. Chosen per device with the property {@code codec}.
 */
enum FrameCodec {
    /** Exclusive or of the bytes ({@code codec = xor}, the default). */
    XOR,
    /** Sum of the bytes modulo 256 ({@code codec = sum8}). */
    SUM8;

    int checksum(byte[] bytes, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            c = this == XOR ? c ^ (bytes[i] & 0xFF) : (c + (bytes[i] & 0xFF)) & 0xFF;
        }
        return c;
    }

    static FrameCodec named(String name) {
        for (FrameCodec c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("codec '" + name + "' is unknown (xor, sum8)");
    }
}
