package org.onedoor.device.printer.escpos.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.onedoor.device.printer.escpos.simulator.EscPosPrinterSimulator;
import org.onedoor.device.printer.escpos.simulator.PrintedLine;
import org.onedoor.device.printer.escpos.simulator.PrintedReceipt;

/** The driver's bytes printed by the simulator over a real socket on 127.0.0.1, decoded and checked. */
class EscPosPrinterTest {

    private final SocketTcpTransport transport = new SocketTcpTransport();
    private EscPosPrinterSimulator printer;
    private Context context;

    /** Lends a link as the node does: opened on first use, closed after a failure. */
    private final class Context implements DeviceContext {
        private final DeviceConfig config;
        private TcpLink link;

        Context(Map<String, String> properties) {
            config = new DeviceConfig("printer1", DeviceKind.PRINTER, "escpos", "127.0.0.1", printer.port(), "real-estate",
                    List.of(101), properties);
        }

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

        String run(DeviceHandler handler, Object command) throws DeviceException {
            try {
                return handler.execute((org.onedoor.api.device.DeviceCommand) command);
            } catch (DeviceException e) {
                if (link != null) {
                    transport.close(link);
                    link = null;
                }
                throw e;
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        printer = new EscPosPrinterSimulator(0).start();
        context = new Context(Map.of("title", "驻马店市民之家", "answerTimeoutMillis", "500"));
    }

    @AfterEach
    void stop() {
        printer.close();
        if (context.link != null) {
            transport.close(context.link);
        }
    }

    private DeviceHandler handler() {
        return new EscPosDriverFactory().create(context);
    }

    private static PrintTicket ticket(String number) {
        return new PrintTicket(number, "不动产登记区", 5, LocalDateTime.of(2026, 3, 2, 9, 15, 42),
                "http://hall.example/ui/tickets/" + number);
    }

    @Test
    void aTicketIsPrintedWithItsNumberLargeItsZoneQueueTimeQrCodeAndCut() throws Exception {
        String reply = context.run(handler(), ticket("A012"));
        assertTrue(reply.endsWith("status 16"), reply);

        PrintedReceipt r = printer.nextReceipt(2000);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertTrue(r.cut());
        assertEquals(new PrintedLine("驻马店市民之家", 2, 2, true), r.lines().get(0));
        assertEquals(new PrintedLine("A012", 4, 4, true), r.lineContaining("A012").orElseThrow());
        assertEquals(new PrintedLine("区域：不动产登记区", 1, 1, false), r.lineContaining("区域").orElseThrow());
        assertEquals("前面还有 5 人等候", r.lineContaining("前面还有").orElseThrow().text());
        assertEquals("取号时间：2026-03-02 09:15", r.lineContaining("取号时间").orElseThrow().text());
        assertEquals(List.of("http://hall.example/ui/tickets/A012"), r.qrCodes());
        assertTrue(r.render().contains("A012  [4x4]"), r.render());
    }

    @Test
    void ticketsOnOneConnectionArriveAsSeparateReceiptsInOrder() throws Exception {
        DeviceHandler h = handler();
        for (String n : List.of("B001", "B002", "B003")) {
            context.run(h, ticket(n));
        }
        List<PrintedReceipt> printed = printer.receipts();
        assertEquals(3, printed.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(4, printed.get(i).lineContaining("B00" + (i + 1)).orElseThrow().width());
        }
    }

    @Test
    void theTestPageCarriesCharactersBeyondGbk() throws Exception {
        context.run(handler(), new SelfTest("技术员王工"));
        PrintedReceipt r = printer.nextReceipt(2000);
        assertEquals("测试人：技术员王工", r.lineContaining("测试人").orElseThrow().text());
        assertTrue(r.lineContaining("𠀀").isPresent(), r.render());
        assertEquals(List.of("onedoor:device-test:printer1"), r.qrCodes());
        handler().probe();
    }

    @Test
    void aPrinterOutOfPaperIsReportedAndNothingIsSent() throws Exception {
        printer.paperOut(true);
        DeviceException e = assertThrows(DeviceException.class, () -> context.run(handler(), ticket("C001")));
        assertEquals(StatusDetail.DEVICE_ERROR, e.detail());
        assertFalse(e.isRejected());
        assertTrue(e.getMessage().contains("out of paper"), e.getMessage());
        assertNull(printer.nextReceipt(200));
        assertThrows(DeviceException.class, () -> handler().probe());
        printer.paperOut(false);
        context.run(handler(), ticket("C001"));
        assertEquals(1, printer.receipts().size());
    }

    @Test
    void aPrinterSwitchedOffOrTooSlowIsACommunicationError() throws Exception {
        printer.answerDelay(1500);
        DeviceException slow = assertThrows(DeviceException.class, () -> context.run(handler(), ticket("D001")));
        assertEquals(StatusDetail.COMMUNICATION_ERROR, slow.detail());
        assertTrue(slow.getMessage().contains("no answer"), slow.getMessage());
        printer.answerDelay(0);
        printer.stop();
        DeviceException off = assertThrows(DeviceException.class, () -> context.run(handler(), ticket("D002")));
        assertEquals(StatusDetail.COMMUNICATION_ERROR, off.detail());
        printer.start();
        context.run(handler(), ticket("D003"));
        assertEquals("D003", printer.receipts().get(printer.receipts().size() - 1).lineContaining("D00").orElseThrow().text());
    }

    @Test
    void aConnectionDroppedMidTicketIsACommunicationError() throws Exception {
        printer.dropAfter(40);
        DeviceException e = assertThrows(DeviceException.class, () -> context.run(handler(), ticket("E001")));
        assertEquals(StatusDetail.COMMUNICATION_ERROR, e.detail());
        context.run(handler(), ticket("E001"));
        assertEquals(1, printer.receipts().stream().filter(r -> r.cut()).count());
    }

    @Test
    void whatAPrinterCannotDoIsRejectedAndBadSettingsAreRefused() {
        DeviceException e = assertThrows(DeviceException.class, () -> context.run(handler(), new ShowCall("A001", 3)));
        assertTrue(e.isRejected());
        Map<String, String> bad = new HashMap<>(Map.of("answerTimeoutMillis", "soon"));
        context = new Context(bad);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, this::handler);
        assertTrue(refused.getMessage().contains("answerTimeoutMillis 'soon'"), refused.getMessage());
    }
}
