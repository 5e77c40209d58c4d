package org.onedoor.device.printer.escpos.internal;

import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.StatusDetail;

/** Reads the status bytes of {@code DLE EOT 1} and {@code DLE EOT 4} and says what is wrong. */
final class PrinterStatus {

    private PrinterStatus() {
    }

    /** Checks the fixed bits (bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0) of a status byte. */
    static void checkFrame(int b, String query) throws DeviceException {
        if ((b & 0x93) != 0x12) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR,
                    String.format("the printer's answer to %s is not a status byte: %02X", query, b), null);
        }
    }

    /** Printer status ({@code DLE EOT 1}): bit 3 set means off line. */
    static void checkPrinter(int b) throws DeviceException {
        checkFrame(b, "DLE EOT 1");
        if ((b & 0x08) != 0) {
            throw new DeviceException(StatusDetail.DEVICE_ERROR, "the printer reports it is off line", null);
        }
    }

    /** Paper roll sensor ({@code DLE EOT 4}): bits 5 and 6 set mean the paper has run out. */
    static void checkPaper(int b) throws DeviceException {
        checkFrame(b, "DLE EOT 4");
        if ((b & 0x60) == 0x60) {
            throw new DeviceException(StatusDetail.DEVICE_ERROR, "the printer is out of paper", null);
        }
    }
}
