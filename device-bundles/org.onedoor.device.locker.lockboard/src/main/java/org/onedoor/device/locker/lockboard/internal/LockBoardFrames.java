package org.onedoor.device.locker.lockboard.internal;

import java.io.IOException;
import java.time.Duration;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.device.TcpLink;

/**
 * The board's five-byte frames: {@code 8A addr door 11 chk} (open), {@code 80 addr door 33 chk}
 * (query), answers {@code head addr door state chk}; {@code chk} is the XOR of the first four
 * bytes, and the state byte of an open door is {@code 11} or {@code 00} depending on the board.
 */
final class LockBoardFrames {

    static final int OPEN = 0x8A;
    static final int QUERY = 0x80;

    private final int address;
    private final boolean openHigh;

    LockBoardFrames(int address, boolean openHigh) {
        this.address = address;
        this.openHigh = openHigh;
    }

    static byte[] frame(int head, int address, int door) {
        byte[] f = {(byte) head, (byte) address, (byte) door, (byte) (head == OPEN ? 0x11 : 0x33), 0};
        f[4] = (byte) (f[0] ^ f[1] ^ f[2] ^ f[3]);
        return f;
    }

    /** Sends an open or query frame for a door; @return whether the board reports the door open */
    boolean exchange(TcpLink link, int head, int door, Duration timeout) throws DeviceException, IOException {
        link.drain();
        link.write(frame(head, address, door));
        byte[] r = link.read(5, timeout);
        if (((r[0] ^ r[1] ^ r[2] ^ r[3]) & 0xFF) != (r[4] & 0xFF)) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "the board's answer has a bad checksum", null);
        }
        if ((r[0] & 0xFF) != head || (r[1] & 0xFF) != address || (r[2] & 0xFF) != door) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR,
                    String.format("the board answered %02X %02X %02X to a frame for door %d", r[0], r[1], r[2], door), null);
        }
        int state = r[3] & 0xFF;
        if (state != 0x11 && state != 0x00) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, String.format("unknown door state %02X", state), null);
        }
        return (state == 0x11) == openHigh;
    }
}
