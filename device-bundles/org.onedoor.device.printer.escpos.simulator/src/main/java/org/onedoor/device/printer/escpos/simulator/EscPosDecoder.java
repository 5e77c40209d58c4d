package org.onedoor.device.printer.escpos.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an ESC/POS byte stream as a printer does: text, {@code ESC @}, {@code ESC a},
 * {@code ESC d}, {@code GS !}, {@code FS &}/{@code FS .}, {@code GS ( k} (QR code),
 * {@code GS V} (cut) and the real-time status query {@code DLE EOT n}.
 */
final class EscPosDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final InputStream in;
    private final OutputStream out;
    private final Consumer<PrintedReceipt> printed;
    private final StatusSource status;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final List<PrintedLine> lines = new ArrayList<>();
    private final List<String> qrCodes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private byte[] storedQr;
    private int width = 1;
    private int height = 1;
    private boolean centered;

    /** Answers status queries. */
    interface StatusSource {
        /** @return the status byte for {@code DLE EOT n}, after any configured delay */
        int answer(int n) throws IOException;
    }

    EscPosDecoder(InputStream in, OutputStream out, StatusSource status, Consumer<PrintedReceipt> printed) {
        this.in = in;
        this.out = out;
        this.status = status;
        this.printed = printed;
    }

    /** Decodes until the stream ends. */
    void run() throws IOException {
        int b;
        while ((b = in.read()) >= 0) {
            switch (b) {
                case 0x0A -> endLine();
                case 0x0D -> { }
                case 0x10 -> dle();
                case 0x1B -> esc();
                case 0x1C -> fs();
                case 0x1D -> gs();
                default -> {
                    if (b < 0x20) {
                        problems.add(String.format("unexpected control byte %02X", b));
                    } else {
                        text.write(b);
                    }
                }
            }
        }
        if (text.size() > 0 || !lines.isEmpty() || !qrCodes.isEmpty()) {
            endLine();
            finish(false);
        }
    }

    private int next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("the stream ended inside a command");
        }
        return b;
    }

    private void dle() throws IOException {
        int c = next();
        if (c != 0x04) {
            problems.add(String.format("unknown command DLE %02X", c));
            return;
        }
        int n = next();
        out.write(status.answer(n));
        out.flush();
    }

    private void esc() throws IOException {
        int c = next();
        switch (c) {
            case '@' -> {
                width = 1;
                height = 1;
                centered = false;
            }
            case 'a' -> centered = (next() & 0x0F) == 1;
            case 'd' -> {
                int n = next();
                endLine();
                for (int i = 1; i < n; i++) {
                    lines.add(new PrintedLine("", 1, 1, false));
                }
            }
            default -> problems.add(String.format("unknown command ESC %02X", c));
        }
    }

    private void fs() throws IOException {
        int c = next();
        if (c != '&' && c != '.') {
            problems.add(String.format("unknown command FS %02X", c));
        }
    }

    private void gs() throws IOException {
        int c = next();
        switch (c) {
            case '!' -> {
                int n = next();
                width = ((n >> 4) & 0x07) + 1;
                height = (n & 0x07) + 1;
            }
            case '(' -> function();
            case 'V' -> {
                int m = next();
                if (m == 65 || m == 66) {
                    next();
                }
                endLine();
                finish(true);
            }
            default -> problems.add(String.format("unknown command GS %02X", c));
        }
    }

    private void function() throws IOException {
        int k = next();
        int length = next() | (next() << 8);
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("the stream ended inside GS ( " + (char) k);
        }
        if (k != 'k' || length < 2 || body[0] != 49) {
            problems.add("unsupported GS ( " + (char) k + " function");
            return;
        }
        switch (body[1]) {
            case 0x41, 0x43, 0x45 -> { }
            case 0x50 -> storedQr = java.util.Arrays.copyOfRange(body, 3, body.length);
            case 0x51 -> {
                if (storedQr == null) {
                    problems.add("QR code printed before its data was stored");
                } else {
                    endLine();
                    qrCodes.add(new String(storedQr, GB18030));
                }
            }
            default -> problems.add(String.format("unsupported QR function %02X", body[1]));
        }
    }

    private void endLine() {
        if (text.size() > 0) {
            lines.add(new PrintedLine(text.toString(GB18030), width, height, centered));
            text.reset();
        }
    }

    private void finish(boolean cut) {
        printed.accept(new PrintedReceipt(lines, qrCodes, cut, problems));
        lines.clear();
        qrCodes.clear();
        problems.clear();
        storedQr = null;
    }
}
