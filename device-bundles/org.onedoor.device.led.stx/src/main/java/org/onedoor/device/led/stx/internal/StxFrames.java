package org.onedoor.device.led.stx.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.device.TcpLink;

/**
 * Writes and reads the frames {@code STX addr cmd len payload chk ETX} (payload GB18030, at most
 * 64 bytes) and interprets a board's answer: ACK {@code 06}, or NAK {@code 15} with a code.
 */
final class StxFrames {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final int STATUS = 0x30;
    static final int SHOW = 0x31;
    static final int FLASH = 0x32;
    static final int MAX_PAYLOAD = 64;

    private final FrameCodec codec;
    private final int address;

    StxFrames(FrameCodec codec, int address) {
        this.codec = codec;
        this.address = address;
    }

    byte[] frame(int command, String text) throws DeviceException {
        byte[] payload = text.getBytes(GB18030);
        if (payload.length > MAX_PAYLOAD) {
            throw DeviceException.rejected("the text is " + payload.length + " bytes in GB18030; a board takes at most " + MAX_PAYLOAD);
        }
        byte[] out = new byte[payload.length + 6];
        out[0] = 0x02;
        out[1] = (byte) address;
        out[2] = (byte) command;
        out[3] = (byte) payload.length;
        System.arraycopy(payload, 0, out, 4, payload.length);
        out[payload.length + 4] = (byte) codec.checksum(out, 1, payload.length + 4);
        out[payload.length + 5] = 0x03;
        return out;
    }

    /** Sends a frame and waits for the board's ACK; a NAK or a garbled answer is an exception. */
    void exchange(TcpLink link, int command, String text, Duration timeout) throws DeviceException, IOException {
        byte[] frame = frame(command, text);
        link.drain();
        link.write(frame);
        int first;
        do {
            first = link.read(1, timeout)[0] & 0xFF;
        } while (first != 0x02);
        byte[] head = link.read(3, timeout);
        int length = head[2] & 0xFF;
        byte[] body = new byte[3 + length];
        System.arraycopy(head, 0, body, 0, 3);
        if (length > 0) {
            System.arraycopy(link.read(length, timeout), 0, body, 3, length);
        }
        byte[] tail = link.read(2, timeout);
        if ((tail[1] & 0xFF) != 0x03 || (tail[0] & 0xFF) != codec.checksum(body, 0, body.length)) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "garbled answer from board " + address
                    + " (check the codec: " + codec.name().toLowerCase() + ")", null);
        }
        if ((body[0] & 0xFF) != address) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "board " + (body[0] & 0xFF) + " answered instead of " + address, null);
        }
        int code = body[1] & 0xFF;
        if (code == 0x06) {
            return;
        }
        int reason = length > 0 ? body[3] & 0xFF : 0;
        if (code == 0x15 && reason == 0x01) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "board " + address + " received a damaged frame", null);
        }
        throw DeviceException.rejected(String.format("board %d refused the frame (NAK %02X)", address, reason));
    }
}
