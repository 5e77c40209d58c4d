package org.onedoor.device.internal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.ShowCall;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneState;
import org.onedoor.api.zone.ZoneStatus;
import org.onedoor.device.internal.DeviceManager;
import org.onedoor.device.internal.DeviceScheduler;
import org.onedoor.device.internal.TestStore;
import org.onedoor.device.internal.config.ConfiguredDevice;
import org.onedoor.device.internal.outbox.JdbcOutbox;
import org.onedoor.device.internal.transport.SocketTcpTransport;
import org.onedoor.store.HallDatabase;

/**
 * The queue shown on devices: the bridge's commands read back from the real outbox (no driver is
 * attached, so they stay pending), including two nodes on one database receiving the same events.
 */
public class QueueDeviceBridgeTest {

    private static final Instant ISSUED = Instant.parse("2026-03-02T01:05:00Z");
    /** Tickets of the kiosks (their kiosk is in their id, {@code t-kiosk-a-…}) and of a phone. */
    private static final Map<String, String> NUMBERS = Map.of("t-kiosk-a-1", "J013", "t-kiosk-b-1", "J014", "t-kiosk-a-2", "J015",
            "t-kiosk-c-1", "J016", "t-2", "J017");

    private final ScheduledThreadPoolExecutor scheduler = new DeviceScheduler();
    private DataSource store;
    private DeviceManager nodeA;
    private DeviceManager nodeB;
    private Consumer<QueueEvent> toA;
    private Consumer<QueueEvent> toB;

    @BeforeEach
    void start() {
        store = TestStore.migrated();
        nodeA = node();
        nodeB = node();
        toA = bridge(nodeA);
        toB = bridge(nodeB);
    }

    private DeviceManager node() {
        DeviceManager m = DeviceManager.of(new JdbcOutbox(new HallDatabase(store)), new SocketTcpTransport(), scheduler);
        m.addDevice(device("printer-tax", "printer", "tax", ""));
        m.addDevice(device("printer-hall", "printer", "", ""));
        // two kiosks of the tax zone with a printer each (kiosk-c has none of its own)
        m.addDevice(new ConfiguredDevice("printer-kiosk-a", Map.of("kind", "printer", "driver", "none", "host", "127.0.0.1", "port", "9",
                "zone", "tax", "kiosk", "kiosk-a")));
        m.addDevice(new ConfiguredDevice("printer-kiosk-b", Map.of("kind", "printer", "driver", "none", "host", "127.0.0.1", "port", "9",
                "zone", "tax", "kiosk", "kiosk-b")));
        m.addDevice(device("led-101", "led-display", "tax", "101-103"));
        m.addDevice(device("led-wide", "led-display", "", "100-110"));
        m.addDevice(device("led-201", "led-display", "police", "201"));
        // the devices of another hall of the city: its windows are numbered on their own
        m.addDevice(new ConfiguredDevice("xiping-printer", Map.of("kind", "printer", "driver", "none", "host", "127.0.0.1", "port", "9",
                "hall", "xiping")));
        m.addDevice(new ConfiguredDevice("xiping-led-102", Map.of("kind", "led-display", "driver", "none", "host", "127.0.0.1", "port", "9",
                "windows", "102", "hall", "xiping")));
        return m;
    }

    private static ConfiguredDevice device(String id, String kind, String zone, String windows) {
        return new ConfiguredDevice(id, Map.of("kind", kind, "driver", "none", "host", "127.0.0.1", "port", "9",
                "zone", zone, "windows", windows));
    }

    private Consumer<QueueEvent> bridge(DeviceManager devices) {
        Consumer<QueueEvent>[] listener = new Consumer[1];
        QueueEvents events = l -> {
            listener[0] = l;
            return () -> listener[0] = null;
        };
        new QueueDeviceBridge(events, queue(), zones(), devices, scheduler,
                org.onedoor.api.hall.HallClock.of(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"))), settings("http://hall.example:8080/"));
        return listener[0];
    }

    private static Ticket ticket(String id) {
        String number = id.equals("t-police") ? "P001" : NUMBERS.getOrDefault(id, "J012");
        String zone = id.equals("t-police") ? "police" : id.equals("t-other") ? "other" : "tax";
        String kiosk = id.startsWith("t-kiosk-") ? id.substring(2, "t-kiosk-a".length()) : "";
        return new Ticket(id, number, zone, zone, LocalDate.of(2026, 3, 2), TicketPriority.NORMAL, "", "", "", "",
                TicketStatus.WAITING, 0, 0, 0, ISSUED, Optional.empty(), Optional.empty(), Optional.empty(), kiosk);
    }

    private static HallQueue queue() {
        return (HallQueue) Proxy.newProxyInstance(HallQueue.class.getClassLoader(), new Class<?>[] {HallQueue.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "ticket" -> Optional.of(ticket((String) args[0]));
                    case "waiting" -> Optional.of(new WaitingInfo(4, 12));
                    case "inHall" -> proxy;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ZoneDirectory zones() {
        return (ZoneDirectory) Proxy.newProxyInstance(ZoneDirectory.class.getClassLoader(), new Class<?>[] {ZoneDirectory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("zone") && "tax".equals(args[args.length - 1])
                            && (args.length == 1 || "zhumadian".equals(args[0]))) {
                        return Optional.of(new ZoneStatus(new ZoneDescriptor("tax", "J", "税务区", "Tax", 1, false, List.of(), List.of()),
                                ZoneState.OPEN, ISSUED));
                    }
                    if (method.getName().equals("zone")) {
                        return Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static QueueDeviceBridge.Settings settings(String url) {
        return new QueueDeviceBridge.Settings() {
            @Override
            public String publicUrl() {
                return url;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QueueDeviceBridge.Settings.class;
            }
        };
    }

    @AfterEach
    void stop() {
        nodeA.stop();
        nodeB.stop();
        scheduler.shutdownNow();
    }

    private static QueueEvent event(long seq, String type, String ticketId, String number, int window) {
        return new QueueEvent(seq, seq, type, "tax", number, ticketId, window, ISSUED);
    }

    private List<OutboxEntry> pending(String device) {
        return nodeA.outbox(device, 100).stream().sorted(java.util.Comparator.comparing(OutboxEntry::sequence)).toList();
    }

    @Test
    void anIssuedTicketIsPrintedOnceOnThePrinterOfItsZoneWithItsStatusPage() throws Exception {
        QueueEvent issued = event(7, "ISSUED", "t-1", "J012", 0);
        toA.accept(issued);
        toB.accept(issued);
        toA.accept(issued);
        await("the ticket is in the outbox", () -> !pending("printer-tax").isEmpty());
        Thread.sleep(200);
        List<OutboxEntry> entries = pending("printer-tax");
        assertEquals(1, entries.size(), entries.toString());
        PrintTicket p = (PrintTicket) entries.get(0).command();
        assertEquals("J012", p.number());
        assertEquals("税务区", p.zoneName());
        assertEquals(3, p.peopleAhead());
        assertEquals(LocalDateTime.of(2026, 3, 2, 9, 5), p.issuedAt());
        assertEquals("http://hall.example:8080/ui/ticket?id=t-1", p.statusUrl());
        assertTrue(pending("printer-hall").isEmpty(), "the zone's own printer is chosen");
    }

    @Test
    void aTicketOfAZoneWithoutItsOwnPrinterIsPrintedOnTheHallsPrinter() throws Exception {
        toA.accept(new QueueEvent(8, 1, "ISSUED", "other", "K001", "t-other", 0, ISSUED));
        await("printed on the hall's printer", () -> nodeA.device("printer-hall").orElseThrow().pending() == 1);
        assertEquals("other", ((PrintTicket) pending("printer-hall").get(0).command()).zoneName());
    }

    @Test
    void aCallIsShownOnEveryDisplayServingTheWindowOncePerCall() throws Exception {
        toA.accept(event(10, "CALLED", "t-1", "J012", 102));
        toB.accept(event(10, "CALLED", "t-1", "J012", 102));
        toA.accept(event(11, "STARTED", "t-1", "J012", 102));
        toB.accept(event(12, "RECALLED", "t-1", "J012", 102));
        toA.accept(event(12, "RECALLED", "t-1", "J012", 102));
        await("two calls on each board", () -> pending("led-101").size() >= 2 && pending("led-wide").size() >= 2);
        Thread.sleep(200);
        for (String board : List.of("led-101", "led-wide")) {
            List<OutboxEntry> entries = pending(board);
            assertEquals(2, entries.size(), board + ": " + entries);
            assertEquals(new ShowCall("J012", 102), entries.get(0).command());
            assertEquals(new ShowCall("J012", 102), entries.get(1).command());
        }
        assertTrue(pending("led-201").isEmpty(), "a board of another window shows nothing");
        assertTrue(pending("printer-tax").isEmpty(), "calls are not printed");
    }

    @Test
    void callsReachTheBoardInTheOrderTheyHappened() throws Exception {
        for (int n = 1; n <= 30; n++) {
            toA.accept(event(100 + n, "CALLED", "t-" + n, String.format("J%03d", n), 201));
        }
        await("thirty calls", () -> nodeA.device("led-201").orElseThrow().pending() == 30);
        List<OutboxEntry> entries = pending("led-201");
        for (int n = 1; n <= 30; n++) {
            assertEquals(String.format("J%03d", n), ((ShowCall) entries.get(n - 1).command()).number());
        }
    }

    @Test
    void aKeyIsCheckedAndAWrongPublicAddressIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> nodeA.submitOnce("led-201", new ShowCall("J001", 201), " "));
        assertThrows(IllegalArgumentException.class, () -> QueueDeviceBridge.ticketPage("hall.example"));
        assertEquals("https://h/ui/ticket?id=", QueueDeviceBridge.ticketPage(" https://h// "));
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

    @Test
    void aTicketAndACallOfAnotherHallReachOnlyThatHallsDevices() throws Exception {
        toA.accept(new QueueEvent(20, 1, "ISSUED", "tax", "J001", "t-1", 0, ISSUED, "xiping"));
        toA.accept(new QueueEvent(21, 2, "CALLED", "tax", "J001", "t-1", 102, ISSUED, "xiping"));
        await("printed and shown in Xiping", () -> pending("xiping-printer").size() == 1 && pending("xiping-led-102").size() == 1);
        assertEquals(new ShowCall("J001", 102), pending("xiping-led-102").get(0).command());
        toA.accept(event(22, "CALLED", "t-2", "J002", 102)); // the default hall's window 102
        await("the default hall's call on its boards", () -> pending("led-101").size() == 1);
        Thread.sleep(200);
        assertEquals(new ShowCall("J002", 102), pending("led-101").get(0).command(), "Xiping's call is not on the default hall's board");
        assertEquals(1, pending("led-wide").size());
        assertEquals(1, pending("xiping-led-102").size(), "the default hall's call is not on Xiping's board");
        assertTrue(pending("printer-tax").isEmpty() && pending("printer-hall").isEmpty(), "Xiping's ticket is not printed in the default hall");
    }

    @Test
    void aTicketPrintsOnThePrinterOfTheKioskThatIssuedItAndOnNoOtherKiosks() throws Exception {
        toA.accept(event(30, "ISSUED", "t-kiosk-a-1", "J013", 0));
        toB.accept(event(30, "ISSUED", "t-kiosk-a-1", "J013", 0));
        toA.accept(event(31, "ISSUED", "t-kiosk-b-1", "J014", 0));
        toA.accept(event(32, "ISSUED", "t-kiosk-a-2", "J015", 0));
        await("kiosk A's two tickets and kiosk B's one", () -> pending("printer-kiosk-a").size() == 2 && pending("printer-kiosk-b").size() == 1);
        Thread.sleep(200);
        assertEquals(List.of("J013", "J015"), pending("printer-kiosk-a").stream().map(e -> ((PrintTicket) e.command()).number()).toList(),
                "kiosk A prints its own tickets once each");
        assertEquals("J014", ((PrintTicket) pending("printer-kiosk-b").get(0).command()).number());
        assertEquals("http://hall.example:8080/ui/ticket?id=t-kiosk-b-1", ((PrintTicket) pending("printer-kiosk-b").get(0).command()).statusUrl());
        assertTrue(pending("printer-tax").isEmpty() && pending("printer-hall").isEmpty(), "the zone's printer prints no kiosk's own tickets");
    }

    @Test
    void aKioskWithoutAPrinterOfItsOwnAndAPhonesTicketPrintOnTheZonesPrinterNeverOnAKiosks() throws Exception {
        toA.accept(event(40, "ISSUED", "t-kiosk-c-1", "J016", 0));
        toA.accept(event(41, "ISSUED", "t-2", "J017", 0));
        await("both on the zone's printer", () -> pending("printer-tax").size() == 2);
        Thread.sleep(200);
        assertEquals(List.of("J016", "J017"), pending("printer-tax").stream().map(e -> ((PrintTicket) e.command()).number()).toList());
        assertTrue(pending("printer-kiosk-a").isEmpty() && pending("printer-kiosk-b").isEmpty(), "a kiosk's printer prints only its kiosk's tickets");
        assertTrue(pending("printer-hall").isEmpty());
    }
}
