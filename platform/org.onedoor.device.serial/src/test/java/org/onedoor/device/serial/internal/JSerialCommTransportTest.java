package org.onedoor.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.SerialPortSettings;
import org.onedoor.api.device.TcpLink;
import org.onedoor.device.led.stx.simulator.BoardFrame;
import org.onedoor.device.led.stx.simulator.Checksum;
import org.onedoor.device.led.stx.simulator.LedBoardSimulator;

/**
 * Serial links through pseudo-terminals made by {@code socat}: a pair of ports, and a port whose
 * other end is the LED board simulator (as a serial-to-TCP bridge would be). Skipped where socat
 * is not installed.
 */
class JSerialCommTransportTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final JSerialCommTransport transport = new JSerialCommTransport();
    private final List<Process> bridges = new ArrayList<>();
    private final List<TcpLink> links = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void needSocat() throws IOException {
        boolean socat = Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/usr/local/bin/socat"));
        if (!socat && System.getenv("CI") != null) {
            Assertions.fail("socat must be installed for the serial transport tests (bash .ci/run installs it)");
        }
        Assumptions.assumeTrue(socat, "socat is not installed");
        dir = Files.createTempDirectory("onedoor-serial");
    }

    @AfterEach
    void stop() throws Exception {
        links.forEach(transport::close);
        for (Process p : bridges) {
            p.destroy();
            p.waitFor();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Starts socat with the two addresses and waits until the named pseudo-terminals exist. */
    private void socat(String a, String b, Path... made) throws Exception {
        Process p = new ProcessBuilder("socat", a, b).redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "socat.log")).start();
        bridges.add(p);
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (Path m : made) {
            while (!Files.exists(m)) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "socat did not make " + m);
                Thread.sleep(20);
            }
        }
    }

    private TcpLink open(Path tty) throws IOException {
        TcpLink link = transport.open(SerialPortSettings.parse("serial:" + tty + "?baud=9600"), Duration.ofSeconds(2));
        links.add(link);
        return link;
    }

    @Test
    void bytesCrossAPairOfPortsBothWaysAndASilentPortTimesOut() throws Exception {
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        socat("pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b, a, b);
        TcpLink left = open(a);
        TcpLink right = open(b);
        byte[] frame = {0x02, 0x01, 0x30, 0x00, 0x31, 0x03, (byte) 0xFF, 0x00};
        left.write(frame);
        assertArrayEquals(frame, right.read(frame.length, Duration.ofSeconds(2)));
        right.write(new byte[] {0x06});
        assertArrayEquals(new byte[] {0x06}, left.read(1, Duration.ofSeconds(2)));
        assertEquals(a.toString(), left.remote());
        SocketTimeoutException silent = assertThrows(SocketTimeoutException.class, () -> left.read(1, Duration.ofMillis(200)));
        assertTrue(silent.getMessage().contains("no answer on " + a), silent.getMessage());
        right.write(new byte[] {1, 2, 3});
        Thread.sleep(200);
        left.drain();
        assertThrows(SocketTimeoutException.class, () -> left.read(1, Duration.ofMillis(200)), "drained");
    }

    @Test
    void aCallReachesTheLedBoardThroughASerialPortAndItsAcknowledgementComesBack() throws Exception {
        try (LedBoardSimulator board = new LedBoardSimulator(0, Checksum.XOR, Set.of(3)).start()) {
            Path tty = dir.resolve("ttyLED");
            socat("pty,raw,echo=0,link=" + tty, "tcp:127.0.0.1:" + board.port(), tty);
            TcpLink link = open(tty);
            byte[] text = "A001→153号窗口".getBytes(GB18030);
            byte[] frame = new byte[text.length + 6];
            frame[0] = 0x02;
            frame[1] = 3;
            frame[2] = 0x31;
            frame[3] = (byte) text.length;
            System.arraycopy(text, 0, frame, 4, text.length);
            int chk = 0;
            for (int i = 1; i < 4 + text.length; i++) {
                chk ^= frame[i] & 0xFF;
            }
            frame[4 + text.length] = (byte) chk;
            frame[5 + text.length] = 0x03;
            link.write(frame);
            byte[] ack = link.read(6, Duration.ofSeconds(3));
            assertArrayEquals(new byte[] {0x02, 3, 0x06, 0x00, (byte) (3 ^ 0x06), 0x03}, ack);
            assertEquals("A001→153号窗口", board.shown(3).orElseThrow());
            BoardFrame received = board.frames().get(0);
            assertEquals(3, received.address());
            assertTrue(received.checksumOk());
        }
    }

    @Test
    void aMissingPortIsAnIOExceptionThatSaysWhich() {
        IOException e = assertThrows(IOException.class,
                () -> transport.open(SerialPortSettings.parse("serial:/dev/onedoor-no-such-port"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("/dev/onedoor-no-such-port"), e.getMessage());
    }

    @Test
    void addressesAreParsedWithDefaultsAndBadValuesNamed() {
        SerialPortSettings s = SerialPortSettings.parse("serial:/dev/ttyUSB0");
        assertEquals(new SerialPortSettings("/dev/ttyUSB0", 9600, 8, "none", 1), s);
        assertEquals(new SerialPortSettings("/dev/ttyS1", 19200, 7, "even", 2),
                SerialPortSettings.parse("serial:/dev/ttyS1?baud=19200&dataBits=7&parity=EVEN&stopBits=2"));
        assertEquals(s, SerialPortSettings.parse(s.address()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialPortSettings.parse("serial:/dev/x?baud=fast"))
                .getMessage().contains("baud 'fast'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialPortSettings.parse("serial:/dev/x?speed=1"))
                .getMessage().contains("unknown serial setting 'speed'"));
        assertThrows(IllegalArgumentException.class, () -> SerialPortSettings.parse("serial:/dev/x?parity=maybe"));
        assertThrows(IllegalArgumentException.class, () -> SerialPortSettings.parse("serial:?baud=9600"));
        assertThrows(IllegalArgumentException.class, () -> SerialPortSettings.parse("/dev/ttyUSB0"));
        assertEquals(com.fazecast.jSerialComm.SerialPort.EVEN_PARITY, JSerialCommTransport.parity("even"));
    }
}
