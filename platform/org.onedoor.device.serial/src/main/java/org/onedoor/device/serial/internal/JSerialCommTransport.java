package org.onedoor.device.serial.internal;

import com.fazecast.jSerialComm.SerialPort;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.onedoor.api.device.SerialPortSettings;
import org.onedoor.api.device.SerialTransport;
import org.onedoor.api.device.TcpLink;
import org.osgi.service.component.annotations.Component;

/**
 * The node's serial transport: ports opened with jSerialComm (at once: a local port does not
 * wait for the other end, so the open timeout is not needed), blocking reads bounded by a timeout.
 */
@Component(service = SerialTransport.class)
public final class JSerialCommTransport implements SerialTransport {

    @Override
    public TcpLink open(SerialPortSettings settings, Duration timeout) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.path());
        } catch (RuntimeException e) {
            throw new IOException("no serial port " + settings.path() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parity(settings.parity()));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // opening a local port does not wait for the other end; 0: no "safety sleep" after opening
        if (!port.openPort(0)) {
            throw new IOException("cannot open serial port " + settings.path() + " (error " + port.getLastErrorCode()
                    + "; does it exist, and may the node's user open it?)");
        }
        return new SerialLink(port, settings.path());
    }

    @Override
    public void close(TcpLink link) {
        if (link instanceof SerialLink s) {
            s.close();
        }
    }

    static int parity(String name) {
        return switch (name) {
            case "even" -> SerialPort.EVEN_PARITY;
            case "odd" -> SerialPort.ODD_PARITY;
            case "mark" -> SerialPort.MARK_PARITY;
            case "space" -> SerialPort.SPACE_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }

    /** One open port. */
    private static final class SerialLink implements TcpLink {

        private final SerialPort port;
        private final String path;

        SerialLink(SerialPort port, String path) {
            this.port = port;
            this.path = path;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            int written = 0;
            while (written < bytes.length) {
                int n = port.writeBytes(bytes, bytes.length - written, written);
                if (n < 0) {
                    throw new IOException("writing to serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
                }
                written += n;
            }
        }

        @Override
        public byte[] read(int count, Duration timeout) throws IOException {
            byte[] buffer = new byte[count];
            long deadline = System.nanoTime() + timeout.toNanos();
            int read = 0;
            while (read < count) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer on " + path + " within " + timeout.toMillis() + " ms");
                }
                port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.min(left, Integer.MAX_VALUE), 0);
                int n = port.readBytes(buffer, count - read, read);
                if (n < 0) {
                    if (!port.isOpen()) {
                        throw new EOFException("serial port " + path + " closed");
                    }
                    throw new IOException("reading serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
                }
                read += n;
            }
            return buffer;
        }

        @Override
        public void drain() throws IOException {
            int available = port.bytesAvailable();
            if (available > 0) {
                port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
                port.readBytes(new byte[available], available);
            }
        }

        @Override
        public String remote() {
            return path;
        }

        void close() {
            port.closePort();
        }
    }
}
