package org.onedoor.device.internal.locker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.locker.Deposit;
import org.onedoor.api.locker.DepositReceipt;
import org.onedoor.api.locker.LockerDoor;
import org.onedoor.api.locker.LockerEvent;
import org.onedoor.api.locker.LockerException;
import org.onedoor.api.locker.LockerException.Reason;
import org.onedoor.device.internal.DeviceScheduler;
import org.onedoor.device.internal.TestDevices;
import org.onedoor.device.locker.lockboard.internal.LockerBoardDriverFactory;
import org.onedoor.device.locker.lockboard.simulator.LockerBoardSimulator;
import org.onedoor.store.HallDatabase;

/**
 * Deposit and pickup against the locker board simulator through the real outbox and lockboard
 * driver: the frames the board receives are checked byte by byte.
 */
class PickupLockerServiceTest {

    private final ScheduledThreadPoolExecutor scheduler = new DeviceScheduler();
    private final List<LockerEvent> events = new CopyOnWriteArrayList<>();
    private LockerBoardSimulator board;
    private TestDevices node;
    private PickupLockerService lockers;

    @BeforeEach
    void start() throws Exception {
        board = new LockerBoardSimulator(0, 1, 4, true).start();
        node = new TestDevices(scheduler);
        node.configure("cab1", Map.of("kind", "locker", "driver", "lockboard", "host", "127.0.0.1",
                "port", Integer.toString(board.port()), "doors", "4", "leftOpenSeconds", "1", "answerTimeoutMillis", "500"));
        node.driver(new LockerBoardDriverFactory());
        lockers = new PickupLockerService(new LockerStore(new HallDatabase(node.store())), node.registry(), scheduler, Duration.ofSeconds(10));
        lockers.subscribe(events::add);
        await("cab1 online", () -> status() == DeviceStatus.ONLINE);
    }

    @AfterEach
    void stop() {
        lockers.stop();
        node.stop();
        scheduler.shutdownNow();
        board.close();
    }

    private DeviceStatus status() {
        return node.registry().device("cab1").orElseThrow().health().status();
    }

    /** @return the open-door frames the board received, as hex */
    private List<String> opens() {
        return board.frames().stream().filter(f -> f.startsWith("8A")).toList();
    }

    private static String otherCode(String... codes) {
        for (int n = 0; ; n++) {
            String c = String.format("%06d", n);
            if (!List.of(codes).contains(c)) {
                return c;
            }
        }
    }

    @Test
    void aDepositOpensAFreeDoorAndItsCodeOpensItOnceForTheCitizen() throws Exception {
        DepositReceipt first = lockers.deposit("cab1", "CASE-2026-0001", "clerk1");
        assertEquals(1, first.deposit().door());
        assertTrue(first.pickupCode().matches("[0-9]{6}"), first.pickupCode());
        assertFalse(first.toString().contains(first.pickupCode()), "the code is not printed in logs");
        await("door 1 opened for the clerk", () -> board.isOpen(1));
        assertEquals(List.of("8A 01 01 11 9B"), opens());
        board.closeByHand(1);

        DepositReceipt second = lockers.deposit("cab1", "CASE-2026-0002", "clerk1");
        assertEquals(2, second.deposit().door(), "door 1 is occupied");
        await("door 2 opened", () -> board.isOpen(2));
        board.closeByHand(2);
        assertEquals(List.of("8A 01 01 11 9B", "8A 01 02 11 98"), opens());

        LockerException wrong = assertThrows(LockerException.class,
                () -> lockers.pickup("cab1", otherCode(first.pickupCode(), second.pickupCode()), "10.0.0.5"));
        assertEquals(Reason.WRONG_CODE, wrong.reason());
        assertTrue(wrong.getMessage().startsWith("取件码不正确"), wrong.getMessage());
        assertEquals(2, opens().size(), "a wrong code opens nothing");

        Deposit picked = lockers.pickup("cab1", first.pickupCode(), "10.0.0.5");
        assertEquals(1, picked.door());
        assertFalse(picked.waiting());
        assertTrue(board.isOpen(1), "the board reports door 1 open");
        assertEquals(List.of("8A 01 01 11 9B", "8A 01 02 11 98", "8A 01 01 11 9B"), opens());

        LockerException again = assertThrows(LockerException.class, () -> lockers.pickup("cab1", first.pickupCode(), "10.0.0.5"));
        assertEquals(Reason.CODE_USED, again.reason());
        assertEquals(3, opens().size(), "a used code opens nothing");

        List<LockerDoor> doors = lockers.doors("cab1");
        assertEquals(4, doors.size());
        assertEquals(LockerDoor.DoorUse.FREE, doors.get(0).use());
        assertEquals(LockerDoor.DoorUse.OCCUPIED, doors.get(1).use());
        assertEquals(second.deposit().id(), doors.get(1).depositId());
        assertEquals(List.of(LockerEvent.Type.DEPOSITED, LockerEvent.Type.DEPOSITED, LockerEvent.Type.PICKED_UP),
                events.stream().map(LockerEvent::type).filter(t -> t != LockerEvent.Type.DOOR_LEFT_OPEN
                        && t != LockerEvent.Type.DOOR_CLOSED).toList());
    }

    @Test
    void aWithdrawnDepositFreesItsDoorAndItsCodeNoLongerOpensIt() throws Exception {
        DepositReceipt r = lockers.deposit("cab1", "CASE-2026-0009", "clerk1");
        await("door 1 opened for the clerk", () -> board.isOpen(1));
        board.closeByHand(1);

        Deposit ended = lockers.withdraw("cab1", r.deposit().id(), "delivery not recorded");

        assertFalse(ended.waiting());
        assertEquals(LockerDoor.DoorUse.FREE, lockers.doors("cab1").get(0).use());
        assertEquals(Reason.CODE_USED, assertThrows(LockerException.class, () -> lockers.pickup("cab1", r.pickupCode(), "10.0.0.5")).reason());
        assertEquals(List.of("8A 01 01 11 9B"), opens(), "withdrawing opens no door");
        assertEquals(Reason.CODE_USED, assertThrows(LockerException.class,
                () -> lockers.withdraw("cab1", r.deposit().id(), "again")).reason());
        assertEquals(Reason.INVALID, assertThrows(LockerException.class, () -> lockers.withdraw("cab1", 987654, "none")).reason());
        assertEquals(Reason.UNKNOWN_CABINET, assertThrows(LockerException.class, () -> lockers.withdraw("nope", 1, "none")).reason());
        assertEquals(1, lockers.deposit("cab1", "CASE-2026-0010", "clerk1").deposit().door(), "door 1 takes the next deposit");
    }

    @Test
    void aDoorThatFailsToOpenIsReportedTakenOutOfServiceAndTheCodeStaysValid() throws Exception {
        DepositReceipt r = lockers.deposit("cab1", "CASE-7", "clerk1");
        await("door 1 opened", () -> board.isOpen(1));
        board.closeByHand(1);
        board.jam(1);
        LockerException failed = assertThrows(LockerException.class, () -> lockers.pickup("cab1", r.pickupCode(), "kiosk"));
        assertEquals(Reason.DOOR_FAILED_TO_OPEN, failed.reason());
        assertTrue(events.stream().anyMatch(e -> e.type() == LockerEvent.Type.DOOR_FAILED_TO_OPEN && e.door() == 1
                && e.detail().contains("failed to open")), events.toString());
        LockerDoor door1 = lockers.doors("cab1").get(0);
        assertEquals(LockerDoor.DoorUse.OUT_OF_SERVICE, door1.use());
        assertTrue(door1.note().contains("failed to open"), door1.note());
        assertEquals(2, lockers.deposit("cab1", "CASE-8", "clerk1").deposit().door(), "an out-of-service door takes nothing");
        await("online again", () -> status() == DeviceStatus.ONLINE);
        LockerException stillValid = assertThrows(LockerException.class, () -> lockers.pickup("cab1", r.pickupCode(), "kiosk"));
        assertEquals(Reason.DOOR_FAILED_TO_OPEN, stillValid.reason(), "the code still matches its deposit");
        LockerDoor repaired = lockers.returnToService("cab1", 1);
        assertEquals(LockerDoor.DoorUse.OCCUPIED, repaired.use(), "back in service, still holding its deposit");
        assertEquals("", repaired.note());
        assertEquals(Reason.INVALID, assertThrows(LockerException.class, () -> lockers.returnToService("cab1", 5)).reason());
    }

    @Test
    void wrongCodesAreLimitedPerAddressAndCabinet() throws Exception {
        DepositReceipt r = lockers.deposit("cab1", "CASE-9", "clerk1");
        await("door 1 opened", () -> board.isOpen(1));
        board.closeByHand(1);
        String wrong = otherCode(r.pickupCode());
        for (int i = 0; i < PickupThrottle.PER_ORIGIN; i++) {
            assertEquals(Reason.WRONG_CODE, assertThrows(LockerException.class, () -> lockers.pickup("cab1", wrong, "10.0.0.9")).reason());
        }
        LockerException limited = assertThrows(LockerException.class, () -> lockers.pickup("cab1", r.pickupCode(), "10.0.0.9"));
        assertEquals(Reason.TOO_MANY_ATTEMPTS, limited.reason());
        assertTrue(limited.retryAfterSeconds() > 0 && limited.retryAfterSeconds() <= 601, "" + limited.retryAfterSeconds());
        assertEquals(1, opens().size(), "nothing opened while limited");
        assertEquals(1, lockers.pickup("cab1", r.pickupCode(), "10.0.0.10").door(), "another kiosk address is not limited");
    }

    @Test
    void aDoorLeftOpenIsReportedInTheStatusAndAsAnEventUntilItIsClosed() throws Exception {
        lockers.deposit("cab1", "CASE-10", "clerk1");
        await("door 1 opened", () -> board.isOpen(1));
        await("left open reported", () -> events.stream().anyMatch(e -> e.type() == LockerEvent.Type.DOOR_LEFT_OPEN && e.door() == 1));
        assertEquals("left-open", lockers.doors("cab1").get(0).state());
        await("the cabinet's status says so", () -> {
            var h = node.registry().device("cab1").orElseThrow().health();
            return h.detail() == StatusDetail.DEVICE_ERROR && h.message().contains("door 1 left open");
        });
        board.closeByHand(1);
        await("closed reported", () -> events.stream().anyMatch(e -> e.type() == LockerEvent.Type.DOOR_CLOSED && e.door() == 1));
        await("online again", () -> status() == DeviceStatus.ONLINE);
        assertEquals("closed", lockers.doors("cab1").get(0).state());
    }

    @Test
    void badRequestsGetClearReasons() {
        assertEquals(Reason.UNKNOWN_CABINET, assertThrows(LockerException.class, () -> lockers.doors("nope")).reason());
        assertEquals(Reason.INVALID, assertThrows(LockerException.class, () -> lockers.deposit("cab1", " ", "clerk1")).reason());
        assertEquals(Reason.INVALID, assertThrows(LockerException.class, () -> lockers.pickup("cab1", "12ab", "k")).reason());
        assertEquals(List.of("cab1"), lockers.cabinets());
        for (int i = 1; i <= 4; i++) {
            lockers.deposit("cab1", "CASE-F" + i, "clerk1");
        }
        assertEquals(Reason.NO_FREE_DOOR, assertThrows(LockerException.class, () -> lockers.deposit("cab1", "CASE-F5", "clerk1")).reason());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
