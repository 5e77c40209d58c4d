package org.onedoor.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.device.TicketReceipt;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.device.internal.bridge.QueueDeviceBridge;
import org.onedoor.device.internal.bridge.TicketReceiptReader;
import org.onedoor.device.internal.config.ConfiguredDevice;
import org.onedoor.device.internal.outbox.JdbcOutbox;
import org.onedoor.device.internal.transport.SocketTcpTransport;
import org.onedoor.store.HallDatabase;

/**
 * Two kiosks of one zone, each with its own printer on a real TCP line: a ticket's bytes reach the printer of the
 * kiosk that issued it and not the other's, and its receipt says whether it printed (PRINTED, OFFLINE when the
 * printer is unplugged, NO_PRINTER for a kiosk and zone without one).
 */
public class TicketReceiptsTest {

    private static final Instant ISSUED = Instant.parse("2026-03-02T01:05:00Z");
    /** id → number, kiosk */
    private static final Map<String, String[]> TICKETS = Map.of("t-a", new String[] {"J001", "kiosk-a"},
            "t-b", new String[] {"J002", "kiosk-b"}, "t-b2", new String[] {"J003", "kiosk-b"}, "t-c", new String[] {"J004", "kiosk-c"});

    private final ScheduledThreadPoolExecutor scheduler = new DeviceScheduler();
    private AckingLineDevice printerA;
    private AckingLineDevice printerB;
    private DeviceManager manager;
    private Consumer<QueueEvent> bridge;
    private TicketReceiptReader receipts;

    @BeforeEach
    void start() throws Exception {
        printerA = new AckingLineDevice().plugIn();
        printerB = new AckingLineDevice().plugIn();
        manager = new DeviceManager(new JdbcOutbox(new HallDatabase(TestStore.migrated())), new SocketTcpTransport(), scheduler);
        manager.addDriver(new LineDriver());
        manager.addDevice(new ConfiguredDevice("printer-kiosk-a", Map.of("kind", "printer", "driver", "line", "host", "127.0.0.1",
                "port", Integer.toString(printerA.port()), "zone", "tax", "kiosk", "kiosk-a")));
        manager.addDevice(new ConfiguredDevice("printer-kiosk-b", Map.of("kind", "printer", "driver", "line", "host", "127.0.0.1",
                "port", Integer.toString(printerB.port()), "zone", "tax", "kiosk", "kiosk-b")));
        HallQueue queue = queue();
        Consumer<QueueEvent>[] listener = new Consumer[1];
        QueueEvents events = l -> {
            listener[0] = l;
            return () -> listener[0] = null;
        };
        new QueueDeviceBridge(events, queue, zones(), manager, scheduler, HallClock.of(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"))),
                new QueueDeviceBridge.Settings() {
                    @Override
                    public String publicUrl() {
                        return "http://hall.example";
                    }

                    @Override
                    public Class<? extends Annotation> annotationType() {
                        return QueueDeviceBridge.Settings.class;
                    }
                });
        bridge = listener[0];
        receipts = new TicketReceiptReader(queue, manager);
    }

    @AfterEach
    void stop() throws Exception {
        manager.stop();
        scheduler.shutdownNow();
        printerA.close();
        printerB.close();
    }

    private static HallQueue queue() {
        return (HallQueue) Proxy.newProxyInstance(HallQueue.class.getClassLoader(), new Class<?>[] {HallQueue.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "ticket" -> Optional.ofNullable(TICKETS.get((String) args[0])).map(t -> new Ticket((String) args[0], t[0], "tax", "tax",
                            LocalDate.of(2026, 3, 2), TicketPriority.NORMAL, "", "", "", "", TicketStatus.WAITING, 0, 0, 0, ISSUED,
                            Optional.empty(), Optional.empty(), Optional.empty(), t[1]));
                    case "waiting" -> Optional.of(new WaitingInfo(1, 0));
                    case "inHall" -> proxy;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ZoneDirectory zones() {
        return (ZoneDirectory) Proxy.newProxyInstance(ZoneDirectory.class.getClassLoader(), new Class<?>[] {ZoneDirectory.class},
                (proxy, method, args) -> Optional.empty());
    }

    private void issue(long seq, String id) {
        bridge.accept(new QueueEvent(seq, seq, "ISSUED", "tax", TICKETS.get(id)[0], id, 0, ISSUED));
    }

    private TicketReceipt receipt(String id) {
        return receipts.receipt("zhumadian", id).orElseThrow();
    }

    @Test
    void eachKiosksTicketReachesItsOwnPrinterAndTheReceiptSaysPrinted() throws Exception {
        issue(1, "t-a");
        issue(2, "t-b");
        await("both printed", () -> receipt("t-a").state() == TicketReceipt.State.PRINTED
                && receipt("t-b").state() == TicketReceipt.State.PRINTED);
        assertEquals(List.of("J001"), printerA.received(), "kiosk A's printer got kiosk A's ticket only");
        assertEquals(List.of("J002"), printerB.received(), "kiosk B's printer got kiosk B's ticket only");
        assertEquals(Optional.of("printer-kiosk-a"), receipt("t-a").printer());
        assertEquals(Optional.of("printer-kiosk-b"), receipt("t-b").printer());
        assertEquals(Optional.empty(), receipts.receipt("zhumadian", "t-unknown"));
    }

    @Test
    void anUnpluggedPrinterLeavesTheReceiptOfflineAndAKioskWithoutPrinterHasNone() throws Exception {
        issue(1, "t-b");
        await("printed", () -> receipt("t-b").state() == TicketReceipt.State.PRINTED);
        printerB.unplug();
        issue(2, "t-b2");
        await("the receipt is off line", () -> receipt("t-b2").state() == TicketReceipt.State.OFFLINE);
        TicketReceipt held = receipt("t-b2");
        assertEquals(Optional.of("printer-kiosk-b"), held.printer());
        assertTrue(held.detail().contains("OFFLINE"), held.detail());
        assertEquals(List.of("J002"), printerB.received());
        assertTrue(printerA.received().isEmpty(), "kiosk B's ticket never goes to kiosk A's printer");

        issue(3, "t-c");
        TicketReceipt none = receipt("t-c");
        assertEquals(TicketReceipt.State.NO_PRINTER, none.state());
        assertEquals(Optional.empty(), none.printer());
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
