package org.onedoor.device.locker.lockboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.DeviceBridgeHandler;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.OpenDoor;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.ShowCall;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.device.TcpLink;
import org.onedoor.device.internal.transport.SocketTcpTransport;
import org.onedoor.device.locker.lockboard.simulator.LockerBoardSimulator;

/** The driver's frames against the simulated board over a real socket on 127.0.0.1. */
class LockerCabinetTest {

    private final SocketTcpTransport transport = new SocketTcpTransport();
    private LockerBoardSimulator board;
    private TcpLink link;

    @AfterEach
    void stop() {
        board.close();
        closeLink();
    }

    private void closeLink() {
        if (link != null) {
            transport.close(link);
            link = null;
        }
    }

    private DeviceBridgeHandler cabinet(Map<String, String> properties) {
        DeviceConfig config = new DeviceConfig("locker1", DeviceKind.LOCKER, "lockboard", "127.0.0.1", board.port(), "",
                List.of(), properties);
        return (DeviceBridgeHandler) new LockerBoardDriverFactory().create(new DeviceContext() {
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

    private String run(DeviceBridgeHandler h, DeviceCommand c) throws DeviceException {
        try {
            return h.execute(c);
        } catch (DeviceException e) {
            closeLink();
            throw e;
        }
    }

    @Test
    void aDoorOpensWithTheDocumentedFrameAndIsReportedOpenUntilClosedByHand() throws Exception {
        board = new LockerBoardSimulator(0, 1, 12, true).start();
        DeviceBridgeHandler h = cabinet(Map.of("doors", "12"));
        assertEquals("door 3 open", run(h, new OpenDoor(3)));
        assertTrue(board.isOpen(3));
        assertEquals(List.of("8A 01 03 11 99"), board.frames());
        assertEquals("open", h.children().get("3"));
        assertEquals("unknown", h.children().get("4"));
        board.closeByHand(3);
        h.probe();
        assertEquals(13, board.frames().size());
        assertEquals("80 01 01 33 B3", board.frames().get(1));
        assertEquals("closed", h.children().get("3"));
        assertEquals(12, h.children().size());
    }

    @Test
    void theReplyPolarityIsConfiguredPerBoard() throws Exception {
        board = new LockerBoardSimulator(0, 7, 4, false).start();
        DeviceBridgeHandler low = cabinet(Map.of("doors", "4", "address", "7", "polarity", "open-low"));
        run(low, new OpenDoor(2));
        assertEquals("open", low.children().get("2"));
        board.closeByHand(2);
        DeviceBridgeHandler wrong = cabinet(Map.of("doors", "4", "address", "7"));
        DeviceException misread = assertThrows(DeviceException.class, () -> run(wrong, new OpenDoor(1)));
        assertTrue(misread.isRejected() && misread.getMessage().contains("failed to open"), misread.getMessage());
        assertTrue(board.isOpen(1), "the door did open: only the polarity was wrong");
    }

    @Test
    void aJammedDoorIsReportedAsFailedToOpenAndTheTestOpensTheTestDoor() throws Exception {
        board = new LockerBoardSimulator(0, 1, 6, true).start();
        board.jam(5);
        DeviceBridgeHandler h = cabinet(Map.of("doors", "6"));
        DeviceException jammed = assertThrows(DeviceException.class, () -> run(h, new OpenDoor(5)));
        assertTrue(jammed.isRejected());
        assertEquals("door 5 failed to open (the board reports it still locked)", jammed.getMessage());
        assertEquals("door 6 open", run(h, new SelfTest("tech1")));
        assertTrue(board.isOpen(6));
    }

    @Test
    void aDoorLeftOpenIsReportedByTheProbe() throws Exception {
        board = new LockerBoardSimulator(0, 1, 2, true).start();
        DeviceBridgeHandler h = cabinet(Map.of("doors", "2", "leftOpenSeconds", "1"));
        run(h, new OpenDoor(1));
        h.probe();
        Thread.sleep(1100);
        DeviceException left = assertThrows(DeviceException.class, h::probe);
        assertEquals(StatusDetail.DEVICE_ERROR, left.detail());
        assertTrue(left.getMessage().startsWith("door 1 left open since"), left.getMessage());
        board.closeByHand(1);
        h.probe();
    }

    @Test
    void aSilentBoardIsACommunicationErrorAndBadInputIsRefused() throws Exception {
        board = new LockerBoardSimulator(0, 2, 4, true).start();
        DeviceBridgeHandler other = cabinet(Map.of("doors", "4", "address", "3", "answerTimeoutMillis", "300"));
        DeviceException silent = assertThrows(DeviceException.class, () -> run(other, new OpenDoor(1)));
        assertEquals(StatusDetail.COMMUNICATION_ERROR, silent.detail());
        assertFalse(board.isOpen(1));
        DeviceBridgeHandler h = cabinet(Map.of("doors", "4", "address", "2"));
        assertTrue(assertThrows(DeviceException.class, () -> run(h, new OpenDoor(5))).isRejected());
        assertTrue(assertThrows(DeviceException.class, () -> run(h, new ShowCall("A1", 1))).isRejected());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cabinet(Map.of())).getMessage().contains("doors"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cabinet(Map.of("doors", "4", "polarity", "up")))
                .getMessage().contains("polarity 'up'"));
        board.stop();
        assertEquals(StatusDetail.COMMUNICATION_ERROR, assertThrows(DeviceException.class, () -> run(h, new OpenDoor(1))).detail());
    }
}
