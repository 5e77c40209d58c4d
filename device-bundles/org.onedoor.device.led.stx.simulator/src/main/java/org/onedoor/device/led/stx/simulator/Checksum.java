package org.onedoor.device.led.stx.simulator;

/** The checksum a board vendor uses over address, command, length and payload. */
public enum Checksum {
    /** Exclusive or of the bytes. */
    XOR,
    /** Sum of the bytes modulo 256. */
    SUM8;

    /**
     * @param bytes the frame bytes
     * @param from  first byte (the address)
     * @param to    one past the last payload byte
     * @return the checksum byte
     */
    public int over(byte[] bytes, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            c = this == XOR ? c ^ (bytes[i] & 0xFF) : (c + (bytes[i] & 0xFF)) & 0xFF;
        }
        return c;
    }
}
