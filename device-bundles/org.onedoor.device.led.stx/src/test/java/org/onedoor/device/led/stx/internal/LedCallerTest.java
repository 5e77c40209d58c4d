package org.onedoor.device.led.stx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.ShowCall;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.device.TcpLink;
import org.onedoor.device.internal.transport.SocketTcpTransport;
import org.onedoor.device.led.stx.simulator.BoardFrame;
import org.onedoor.device.led.stx.simulator.Checksum;
import org.onedoor.device.led.stx.simulator.LedBoardSimulator;

/** The driver's frames on the simulated bus over a real socket on 127.0.0.1, decoded and checked. */
class LedCallerTest {

    private final SocketTcpTransport transport = new SocketTcpTransport();
    private LedBoardSimulator bus;
    private TcpLink link;

    @BeforeEach
    void start() throws Exception {
        bus = new LedBoardSimulator(0, Checksum.XOR, Set.of(1, 2)).start();
    }

    @AfterEach
    void stop() {
        bus.close();
        closeLink();
    }

    private void closeLink() {
        if (link != null) {
            transport.close(link);
            link = null;
        }
    }

    private DeviceHandler board(Map<String, String> properties, List<Integer> windows) {
        DeviceConfig config = new DeviceConfig("led108", DeviceKind.LED_DISPLAY, "led-stx", "127.0.0.1", bus.port(), "tax",
                windows, properties);
        return new LedCallerDriverFactory().create(new DeviceContext() {
            @Override
            public DeviceConfig config() {
                return config;
            }

            @Override
            public TcpLink link() throws IOException {
                if (link == null) {
                    link = transport.open(config.host(), config.port(), Duration.ofSeconds(2));
                }
                return link;
            }
        });
    }

    private String run(DeviceHandler h, DeviceCommand c) throws DeviceException {
        try {
            return h.execute(c);
        } catch (DeviceException e) {
            closeLink();
            throw e;
        }
    }

    @Test
    void aCallIsShownOnTheBoardOfItsAddressInOneCheckedFrame() throws Exception {
        DeviceHandler h = board(Map.of("address", "2"), List.of(108));
        run(h, new ShowCall("A012", 108));
        assertEquals("A012→108号窗口", bus.shown(2).orElseThrow());
        assertTrue(bus.shown(1).isEmpty());
        BoardFrame f = bus.frames().get(0);
        assertEquals(new BoardFrame(2, 0x31, "A012→108号窗口", true), f);
        h.probe();
        run(h, new SelfTest("tech1"));
        assertEquals(LedCallerHandler.TEST_TEXT, bus.shown(2).orElseThrow());
    }

    @Test
    void theFrameBytesAreAsSpecified() throws Exception {
        byte[] frame = new StxFrames(FrameCodec.XOR, 5).frame(StxFrames.SHOW, "A1");
        assertEquals(List.of(0x02, 0x05, 0x31, 0x02, 0x41, 0x31, 0x05 ^ 0x31 ^ 0x02 ^ 0x41 ^ 0x31, 0x03),
                toList(frame));
        byte[] sum = new StxFrames(FrameCodec.SUM8, 5).frame(StxFrames.SHOW, "窗");
        assertEquals(List.of(0x02, 0x05, 0x31, 0x02, 0xB4, 0xB0, (0x05 + 0x31 + 0x02 + 0xB4 + 0xB0) & 0xFF, 0x03), toList(sum));
    }

    private static List<Integer> toList(byte[] bytes) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (byte b : bytes) {
            out.add(b & 0xFF);
        }
        return out;
    }

    @Test
    void aVendorCodecMismatchIsReportedAsGarbledAndNothingIsShown() {
        DeviceHandler h = board(Map.of("address", "1", "codec", "sum8"), List.of());
        DeviceException e = assertThrows(DeviceException.class, () -> run(h, new ShowCall("B003", 5)));
        assertEquals(StatusDetail.COMMUNICATION_ERROR, e.detail());
        assertFalse(bus.frames().get(0).checksumOk());
        assertTrue(bus.shown(1).isEmpty());
    }

    @Test
    void aBoardThatIsNotOnTheBusOrABridgeSwitchedOffIsACommunicationError() throws Exception {
        DeviceHandler absent = board(Map.of("address", "9", "answerTimeoutMillis", "300"), List.of());
        DeviceException silent = assertThrows(DeviceException.class, () -> run(absent, new ShowCall("C001", 1)));
        assertEquals(StatusDetail.COMMUNICATION_ERROR, silent.detail());
        assertTrue(silent.getMessage().contains("no answer"), silent.getMessage());
        bus.stop();
        DeviceHandler h = board(Map.of(), List.of());
        assertEquals(StatusDetail.COMMUNICATION_ERROR, assertThrows(DeviceException.class, () -> run(h, new ShowCall("C002", 1))).detail());
        bus.start();
        run(h, new ShowCall("C002", 1));
        assertEquals("C002→1号窗口", bus.shown(1).orElseThrow());
    }

    @Test
    void whatTheBoardCannotShowIsRejectedAndBadSettingsAreRefused() {
        DeviceHandler h = board(Map.of(), List.of(101, 102));
        assertTrue(assertThrows(DeviceException.class, () -> run(h, new ShowCall("D001", 103))).isRejected());
        assertTrue(assertThrows(DeviceException.class, () -> run(h, new PrintTicket("D1", "z", 0,
                java.time.LocalDateTime.now(), "u"))).isRejected());
        assertTrue(bus.frames().isEmpty(), "nothing was sent");
        IllegalArgumentException badCodec = assertThrows(IllegalArgumentException.class, () -> board(Map.of("codec", "crc16"), List.of()));
        assertTrue(badCodec.getMessage().contains("codec 'crc16'"));
        assertThrows(IllegalArgumentException.class, () -> board(Map.of("address", "300"), List.of()));
    }
}
