package org.onedoor.device.led.stx.simulator;

import java.nio.charset.Charset;

/**
 * A frame the bus received, decoded.
 *
 * @param address  the board address
 * @param command  the command byte ({@code 0x30} status, {@code 0x31} show, {@code 0x32} test flash)
 * @param text     the payload decoded as GB18030
 * @param checksumOk whether the checksum matched
 */
public record BoardFrame(int address, int command, String text, boolean checksumOk) {

    static final Charset GB18030 = Charset.forName("GB18030");
}
