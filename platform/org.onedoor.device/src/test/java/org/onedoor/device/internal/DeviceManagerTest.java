package org.onedoor.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.OutboxState;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.ShowCall;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.device.UnknownDeviceException;
import org.onedoor.device.internal.config.ConfiguredDevice;
import org.onedoor.device.internal.config.DeviceConfigurations;
import org.onedoor.device.internal.config.DeviceSettingsReader;
import org.onedoor.device.internal.outbox.JdbcOutbox;
import org.onedoor.device.internal.transport.SocketTcpTransport;
import org.onedoor.store.HallDatabase;

public class DeviceManagerTest {

    private final ScheduledThreadPoolExecutor scheduler = new DeviceScheduler();
    private AckingLineDevice device;
    private DeviceManager manager;

    @BeforeEach
    void start() throws Exception {
        device = new AckingLineDevice().plugIn();
        manager = new DeviceManager(new JdbcOutbox(new HallDatabase(TestStore.migrated())), new SocketTcpTransport(), scheduler);
        manager.addDevice(new ConfiguredDevice("p1", Map.of("kind", "printer", "driver", "line", "host", "127.0.0.1",
                "port", Integer.toString(device.port()), "zone", "tax", "windows", "101-103")));
    }

    @AfterEach
    void stop() throws Exception {
        manager.stop();
        scheduler.shutdownNow();
        device.close();
    }

    private static PrintTicket ticket(int n) {
        return new PrintTicket(String.format("A%03d", n), "税务区", 0, LocalDateTime.of(2026, 3, 2, 9, 0), "http://hall/t/" + n);
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> String.format("A%03d", n)).toList();
    }

    @Test
    void commandsWaitWhileNoDriverAndArriveInOrderWhenItComes() throws Exception {
        assertEquals(DeviceStatus.DRIVER_MISSING, manager.device("p1").orElseThrow().health().status());
        for (int n = 1; n <= 20; n++) {
            manager.submit("p1", ticket(n));
        }
        Thread.sleep(300);
        assertTrue(device.received().isEmpty());
        assertEquals(20, manager.device("p1").orElseThrow().pending());

        manager.addDriver(new LineDriver());
        await("all delivered", () -> device.received().size() == 20);
        assertEquals(numbers(1, 20), device.received());
        await("online", () -> manager.device("p1").orElseThrow().health().status() == DeviceStatus.ONLINE);
        await("nothing pending", () -> manager.device("p1").orElseThrow().pending() == 0);
        List<OutboxEntry> history = manager.outbox("p1", 100);
        assertEquals(20, history.size());
        assertTrue(history.stream().allMatch(e -> e.state() == OutboxState.DELIVERED && e.attempts() == 1), history.toString());
    }

    /** @return what the simulator received, once bytes already on the wire have arrived (no change for 50 ms) */
    private int settled() throws InterruptedException {
        int last = -1;
        int now = device.received().size();
        while (now != last) {
            last = now;
            Thread.sleep(50);
            now = device.received().size();
        }
        return now;
    }

    @Test
    void aDriverThatLeavesAndComesBackRepeatedlyLosesAndRepeatsNothing() throws Exception {
        LineDriver driver = new LineDriver();
        manager.addDriver(driver);
        Thread producer = new Thread(() -> {
            for (int n = 1; n <= 200; n++) {
                manager.submit("p1", ticket(n));
            }
        });
        producer.start();
        for (int swap = 0; swap < 10; swap++) {
            Thread.sleep(15);
            manager.removeDriver(driver);
            assertEquals(DeviceStatus.DRIVER_MISSING, manager.device("p1").orElseThrow().health().status());
            int held = settled();
            Thread.sleep(30);
            assertEquals(held, device.received().size(), "nothing is delivered without a driver");
            driver = new LineDriver();
            manager.addDriver(driver);
        }
        producer.join();
        await("all 200 delivered", () -> device.received().size() >= 200);
        Thread.sleep(200);
        assertEquals(numbers(1, 200), device.received());
    }

    @Test
    void aDriverThatGoesAwayAndComesBackIsInTheAuditTrail() throws Exception {
        List<org.onedoor.api.audit.AuditEvent> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        manager.audit = new org.onedoor.api.audit.AuditTrail() {
            @Override
            public org.onedoor.api.audit.AuditRecord record(org.onedoor.api.audit.AuditEvent event) {
                recorded.add(event);
                return null;
            }

            @Override
            public List<org.onedoor.api.audit.AuditRecord> recent(String action, String actor, int limit) {
                return List.of();
            }

            @Override
            public org.onedoor.api.audit.AuditVerification verify() {
                throw new UnsupportedOperationException("this test collects audit events; the chain is tested in the core");
            }
        };
        LineDriver first = new LineDriver();
        manager.addDriver(first);
        manager.submit("p1", ticket(1));
        await("delivered", () -> device.received().size() == 1);
        Thread.sleep(100);
        assertTrue(recorded.isEmpty(), "a first attachment is not a swap: " + recorded);
        manager.removeDriver(first);
        manager.submit("p1", ticket(2));
        manager.addDriver(new LineDriver());
        await("gone and back recorded", () -> recorded.size() == 2);
        assertEquals(List.of("driver-swap", "driver-swap"), recorded.stream().map(e -> e.action()).toList());
        assertEquals(List.of("p1", "p1"), recorded.stream().map(e -> e.target()).toList());
        assertEquals("driver line gone; 0 command(s) wait in the outbox", recorded.get(0).detail());
        assertEquals("driver line back", recorded.get(1).detail());
    }

    @Test
    void aDeviceThatIsUnpluggedGoesOfflineAndGetsItsCommandsInOrderWhenBack() throws Exception {
        manager.addDriver(new LineDriver());
        manager.submit("p1", ticket(1));
        await("first delivered", () -> device.received().size() == 1);
        device.unplug();
        for (int n = 2; n <= 6; n++) {
            manager.submit("p1", ticket(n));
        }
        await("offline with a communication error", () -> {
            var h = manager.device("p1").orElseThrow().health();
            return h.status() == DeviceStatus.OFFLINE && h.detail() == StatusDetail.COMMUNICATION_ERROR;
        });
        assertEquals(1, device.received().size());
        assertTrue(manager.outbox("p1", 10).get(0).attempts() >= 1, "the failed attempt is counted");
        device.plugIn();
        await("the rest delivered", () -> device.received().size() == 6);
        assertEquals(numbers(1, 6), device.received());
        await("online again", () -> manager.device("p1").orElseThrow().health().status() == DeviceStatus.ONLINE);
    }

    @Test
    void aRejectedCommandIsRecordedAndTheNextOneFollows() throws Exception {
        manager.addDriver(new LineDriver());
        manager.submit("p1", new SelfTest("tech1"));
        manager.submit("p1", ticket(7));
        await("the ticket delivered", () -> device.received().size() == 1);
        await("the ticket marked delivered", () -> manager.device("p1").orElseThrow().pending() == 0);
        List<OutboxEntry> history = manager.outbox("p1", 10);
        assertEquals(OutboxState.DELIVERED, history.get(0).state());
        assertEquals(OutboxState.REJECTED, history.get(1).state());
        assertEquals("only tickets", history.get(1).note());
    }

    @Test
    void badInputIsRefusedWithClearErrors() {
        assertThrows(UnknownDeviceException.class, () -> manager.submit("nope", ticket(1)));
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                () -> manager.submit("p1", new ShowCall("A001", 101)));
        assertTrue(wrongKind.getMessage().contains("is a printer"), wrongKind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> manager.outbox("p1", 0));
        assertThrows(IllegalArgumentException.class, () -> new PrintTicket("A1", "z", -1, LocalDateTime.now(), "u"));
    }

    @Test
    void aWrongConfigurationIsShownAsAConfigurationError() {
        manager.addDevice(new ConfiguredDevice("bad", Map.of("kind", "printer", "driver", "line", "host", "127.0.0.1",
                "port", "ninety")));
        manager.addDevice(new ConfiguredDevice("wrongkind", Map.of("kind", "locker", "driver", "line", "host", "127.0.0.1",
                "port", "9100")));
        manager.addDriver(new LineDriver());
        var bad = manager.device("bad").orElseThrow();
        assertEquals(DeviceStatus.CONFIGURATION_ERROR, bad.health().status());
        assertTrue(bad.health().message().contains("port 'ninety' is not a number"), bad.health().message());
        var wrong = manager.device("wrongkind").orElseThrow();
        assertEquals(DeviceStatus.CONFIGURATION_ERROR, wrong.health().status());
        assertTrue(wrong.health().message().contains("does not drive locker devices"), wrong.health().message());
        assertEquals(List.of("bad", "p1", "wrongkind"), new ArrayList<>(manager.devices().stream().map(d -> d.id()).toList()));
    }

    @Test
    void deviceIdsComeFromTheConfigurationPidsTheFileInstallerMakes() {
        assertEquals("printer1", DeviceConfigurations.idOf("org.onedoor.device~printer1"));
        assertEquals("printer-ent", DeviceConfigurations.idOf("org.onedoor.device~printer~ent"));
        assertEquals("led-1-2", DeviceConfigurations.idOf("org.onedoor.device~led-1~2"));
    }

    @Test
    void aSerialDeviceNeedsNoPortAndWaitsOfflineWithoutASerialTransport() throws Exception {
        var bad = new ConfiguredDevice("s0", Map.of("kind", "printer", "driver", "line", "host", "serial:/dev/ttyUSB0?baud=fast"));
        assertTrue(bad.error().contains("baud 'fast' is not a number"), bad.error());
        manager.addDevice(new ConfiguredDevice("s1", Map.of("kind", "printer", "driver", "line",
                "host", "serial:/dev/ttyUSB0?baud=19200")));
        assertEquals("/dev/ttyUSB0", manager.device("s1").orElseThrow().config().serialPort().orElseThrow().path());
        assertEquals(19200, manager.device("s1").orElseThrow().config().serialPort().orElseThrow().baud());
        manager.addDriver(new LineDriver());
        await("s1 offline without a serial transport", () -> {
            var h = manager.device("s1").orElseThrow().health();
            return h.status() == DeviceStatus.OFFLINE && h.message().contains("no serial transport is installed");
        });
    }

    @Test
    void aScreenNeedsNoAddressButAPrinterDoes() {
        var screen = new ConfiguredDevice("screen1", Map.of("kind", "screen", "driver", "web", "zone", "tax"));
        assertEquals("", screen.error());
        assertEquals(0, screen.config().orElseThrow().port());
        var printer = new ConfiguredDevice("p2", Map.of("kind", "printer", "driver", "escpos", "port", "9100"));
        assertTrue(printer.error().contains("'host' is missing"), printer.error());
    }

    @Test
    void windowsAreReadAsNumbersAndRanges() {
        assertEquals(List.of(101, 102, 103, 112), DeviceSettingsReader.windows("x", "101-103, 112"));
        assertThrows(IllegalArgumentException.class, () -> DeviceSettingsReader.windows("x", "5-3"));
        assertEquals(List.of(101, 102, 103), manager.device("p1").orElseThrow().config().windows());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
