package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.device.led.stx.simulator.Checksum;
import org.onedoor.device.led.stx.simulator.LedBoardSimulator;
import org.onedoor.device.locker.lockboard.simulator.LockerBoardSimulator;
import org.onedoor.device.printer.escpos.simulator.EscPosPrinterSimulator;
import org.onedoor.device.printer.escpos.simulator.PrintedLine;
import org.onedoor.device.printer.escpos.simulator.PrintedReceipt;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The hall's devices driven by the queue and the lockers on the real node: a ticket issued over
 * HTTP printed on its zone's printer with the QR code of its status page, a call shown on the LED
 * board of the window, a result deposited in a locker and picked up by code over HTTP, each
 * checked in the bytes the simulators decoded. The simulators' bundles come with the
 * distribution (feature onedoor-demo-devices, inert without ONEDOOR_DEMO_DEVICES=1).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HallDevicesIT {

    private static final String PW = HallNodeOptions.ROLE_PW;

    private static EscPosPrinterSimulator printer;
    private static EscPosPrinterSimulator printerA;
    private static EscPosPrinterSimulator printerB;
    private static LedBoardSimulator leds;
    private static LockerBoardSimulator locker;

    @Inject
    private DeviceRegistry devices;

    private Http http;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Option[] device(String id, String... keyValues) {
        List<Option> out = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.add(editConfigurationFilePut("etc/org.onedoor.device~" + id + ".cfg", keyValues[i], keyValues[i + 1]));
        }
        return out.toArray(new Option[0]);
    }

    @Configuration
    public Option[] config() throws Exception {
        int printerPort = freePort();
        int ledPort = freePort();
        int lockerPort = freePort();
        int kioskAPort = freePort();
        int kioskBPort = freePort();
        List<Option> options = new ArrayList<>(List.of(HallNodeOptions.node()));
        options.addAll(List.of(
                editConfigurationFilePut("etc/org.onedoor.device.queue.cfg", "publicUrl", "https://hall.example/"),
                systemProperty("onedoor.it.printerPort").value(Integer.toString(printerPort)),
                systemProperty("onedoor.it.ledPort").value(Integer.toString(ledPort)),
                systemProperty("onedoor.it.lockerPort").value(Integer.toString(lockerPort)),
                systemProperty("onedoor.it.kioskAPort").value(Integer.toString(kioskAPort)),
                systemProperty("onedoor.it.kioskBPort").value(Integer.toString(kioskBPort))));
        options.addAll(List.of(device("printer-ent", "kind", "printer", "driver", "escpos", "host", "127.0.0.1",
                "port", Integer.toString(printerPort), "zone", "enterprise", "title", "市民之家")));
        // two kiosks, each with a printer of its own (printing the kiosk's tickets of every zone)
        options.addAll(List.of(device("printer-kiosk-a", "kind", "printer", "driver", "escpos", "host", "127.0.0.1",
                "port", Integer.toString(kioskAPort), "kiosk", "kiosk-a")));
        options.addAll(List.of(device("printer-kiosk-b", "kind", "printer", "driver", "escpos", "host", "127.0.0.1",
                "port", Integer.toString(kioskBPort), "kiosk", "kiosk-b")));
        options.addAll(List.of(device("led-153", "kind", "led-display", "driver", "led-stx", "host", "127.0.0.1",
                "port", Integer.toString(ledPort), "zone", "enterprise", "windows", "150-155", "address", "3")));
        options.addAll(List.of(device("locker1", "kind", "locker", "driver", "lockboard", "host", "127.0.0.1",
                "port", Integer.toString(lockerPort), "doors", "4", "answerTimeoutMillis", "500")));
        options.addAll(List.of(device("screen-hall", "kind", "screen", "driver", "web")));
        return options.toArray(new Option[0]);
    }

    @Before
    public void simulatorsOn() throws Exception {
        synchronized (HallDevicesIT.class) {
            if (printer == null) {
                printer = new EscPosPrinterSimulator(Integer.getInteger("onedoor.it.printerPort")).start();
                printerA = new EscPosPrinterSimulator(Integer.getInteger("onedoor.it.kioskAPort")).start();
                printerB = new EscPosPrinterSimulator(Integer.getInteger("onedoor.it.kioskBPort")).start();
                leds = new LedBoardSimulator(Integer.getInteger("onedoor.it.ledPort"), Checksum.XOR, Set.of(3)).start();
                locker = new LockerBoardSimulator(Integer.getInteger("onedoor.it.lockerPort"), 1, 4, true).start();
            }
        }
        http = new Http(HallNodeOptions.webPort());
        for (String id : List.of("printer-ent", "printer-kiosk-a", "printer-kiosk-b", "led-153", "locker1")) {
            await(id + " is online (devices: " + devices.devices() + ")",
                    () -> devices.device(id).map(d -> d.health().status() == DeviceStatus.ONLINE).orElse(false));
        }
        await("the zones are open", () -> http.get("/api/v1/zones").body().contains("\"count\":11"));
    }

    @Test
    public void anIssuedTicketIsPrintedWithItsStatusPageAndItsCallIsShownOnTheWindowsBoard() throws Exception {
        int before = printer.receipts().size();
        HttpResponse<String> issued = http.postJson("/api/v1/tickets", "{\"zone\": \"enterprise\"}");
        assertEquals(issued.body(), 201, issued.statusCode());
        JsonObject ticket = new JsonObject(issued.body());
        String number = ticket.getString("number");
        await("the ticket is printed", () -> printer.receipts().size() > before);
        PrintedReceipt receipt = printer.receipts().get(before);
        assertEquals(number, receipt.lines().stream().filter(l -> l.width() == 4).map(PrintedLine::text).findFirst().orElse("?"));
        assertTrue(receipt.render(), receipt.lines().stream().anyMatch(l -> l.text().contains("企业")));
        assertTrue(receipt.render(), receipt.lines().stream().anyMatch(l -> l.text().equals("前面还有 0 人等候")));
        assertEquals(List.of("https://hall.example/ui/ticket?id=" + ticket.getString("id")), receipt.qrCodes());
        assertTrue(receipt.cut());

        String op = HallNodeOptions.OPERATOR;
        String opPw = HallNodeOptions.OPERATOR_PW;
        assertEquals(200, http.postJsonAs("/api/v1/windows/153/sign-in", "{}", op, opPw).statusCode());
        HttpResponse<String> called = http.postJsonAs("/api/v1/windows/153/call-next", "{}", op, opPw);
        assertEquals(called.body(), 200, called.statusCode());
        await("the board shows the call", () -> leds.shown(3).map((number + "→153号窗口")::equals).orElse(false));
        Thread.sleep(300);
        assertEquals("one receipt per ticket", before + 1, printer.receipts().size());
        assertEquals(1, leds.frames().stream().filter(f -> f.text().contains(number)).count());
    }

    private boolean screen(DeviceStatus status, String message) {
        return devices.device("screen-hall").map(d -> d.health().status() == status && d.health().message().contains(message))
                .orElse(false);
    }

    @Test
    public void aCallerScreenIsOnlineWhileItsPageHoldsTheEventStream() throws Exception {
        await("the screen is offline before its page connects", () -> screen(DeviceStatus.OFFLINE, "has not connected"));
        assertEquals(org.onedoor.api.device.StatusDetail.COMMUNICATION_ERROR, devices.device("screen-hall").orElseThrow().health().detail());
        assertTrue(http.get("/api/v1/devices").body().contains("\"id\":\"screen-hall\""));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + HallNodeOptions.webPort() + "/api/v1/queue/events?device=screen-hall")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, page.statusCode());
        try (java.io.InputStream in = page.body()) {
            await("the screen is online while its page holds the stream", () -> screen(DeviceStatus.ONLINE, ""));
        }
        await("the screen is offline when its page went away", () -> screen(DeviceStatus.OFFLINE, "went away"));
        assertEquals(400, http.get("/api/v1/queue/events?device=Not%20A%20Screen").statusCode());
    }

    @Test
    public void aResultDepositedByAClerkIsPickedUpOnceByCodeAtTheKiosk() throws Exception {
        HttpResponse<String> denied = http.postJsonAs("/api/v1/lockers/locker1/deposits", "{\"reference\": \"C-1\"}",
                HallNodeOptions.KIOSK, PW);
        assertEquals(403, denied.statusCode());
        assertEquals(401, http.postJson("/api/v1/lockers/locker1/deposits", "{\"reference\": \"C-1\"}").statusCode());

        HttpResponse<String> deposited = http.postJsonAs("/api/v1/lockers/locker1/deposits", "{\"reference\": \"CASE-2026-77\"}",
                HallNodeOptions.CLERK, PW);
        assertEquals(deposited.body(), 201, deposited.statusCode());
        JsonObject receipt = new JsonObject(deposited.body());
        int door = receipt.getInteger("door");
        String code = receipt.getString("pickupCode");
        await("the door opens for the clerk", () -> locker.isOpen(door));
        String openFrame = String.format("8A 01 %02X 11 %02X", door, 0x8A ^ 0x01 ^ door ^ 0x11);
        assertEquals(List.of(openFrame), locker.frames().stream().filter(f -> f.startsWith("8A")).toList());
        locker.closeByHand(door);

        String wrong = code.equals("000000") ? "000001" : "000000";
        HttpResponse<String> bad = http.postJson("/api/v1/lockers/locker1/pickup", "{\"code\": \"" + wrong + "\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("urn:onedoor:problem:wrong-pickup-code", new JsonObject(bad.body()).getString("type"));
        assertEquals(404, http.postJson("/api/v1/lockers/nope/pickup", "{\"code\": \"123456\"}").statusCode());
        await("the cabinet is online", () -> devices.device("locker1").orElseThrow().health().status() == DeviceStatus.ONLINE);

        HttpResponse<String> picked = http.postJson("/api/v1/lockers/locker1/pickup", "{\"code\": \"" + code + "\"}");
        assertEquals(picked.body(), 200, picked.statusCode());
        assertEquals(door, (int) new JsonObject(picked.body()).getInteger("door"));
        assertTrue(locker.isOpen(door));
        assertEquals(List.of(openFrame, openFrame), locker.frames().stream().filter(f -> f.startsWith("8A")).toList());

        HttpResponse<String> again = http.postJson("/api/v1/lockers/locker1/pickup", "{\"code\": \"" + code + "\"}");
        assertEquals(409, again.statusCode());
        HttpResponse<String> list = http.getAs("/api/v1/lockers", HallNodeOptions.TECHNICIAN, PW);
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body(), list.body().contains("\"id\":\"locker1\"") && list.body().contains("\"use\":\"FREE\""));
        assertFalse(list.body().contains(code));
        assertEquals(403, http.getAs("/api/v1/lockers", HallNodeOptions.CLERK, PW).statusCode());
    }

    private String receiptState(String ticketId) throws Exception {
        HttpResponse<String> r = http.get("/api/v1/tickets/" + ticketId + "/receipt");
        assertEquals(r.body(), 200, r.statusCode());
        return new JsonObject(r.body()).getString("state");
    }

    @Test
    public void aKiosksTicketPrintsOnThatKiosksPrinterAndItsReceiptSaysWhenItCouldNot() throws Exception {
        int zoneBefore = printer.receipts().size();
        int bBefore = printerB.receipts().size();
        int aBefore = printerA.receipts().size();
        HttpResponse<String> issued = http.postJson("/api/v1/tickets", "{\"zone\": \"tax\", \"kiosk\": \"kiosk-a\"}");
        assertEquals(issued.body(), 201, issued.statusCode());
        JsonObject ticket = new JsonObject(issued.body());
        assertEquals("kiosk-a", ticket.getString("kiosk"));
        await("kiosk A's printer prints it", () -> printerA.receipts().size() > aBefore);
        PrintedReceipt receipt = printerA.receipts().get(aBefore);
        assertEquals(ticket.getString("number"), receipt.lines().stream().filter(l -> l.width() == 4).map(PrintedLine::text).findFirst().orElse("?"));
        assertEquals(List.of("https://hall.example/ui/ticket?id=" + ticket.getString("id")), receipt.qrCodes());
        await("its receipt says printed", () -> "PRINTED".equals(receiptState(ticket.getString("id"))));
        assertEquals("printer-kiosk-a", new JsonObject(http.get("/api/v1/tickets/" + ticket.getString("id") + "/receipt").body())
                .getString("printer"));
        Thread.sleep(300);
        assertEquals("kiosk B's printer printed nothing", bBefore, printerB.receipts().size());
        assertEquals("the hall's other printer printed nothing", zoneBefore, printer.receipts().size());
        assertEquals("once", aBefore + 1, printerA.receipts().size());

        HttpResponse<String> bad = http.postJson("/api/v1/tickets", "{\"zone\": \"tax\", \"kiosk\": \"Kiosk A\"}");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertEquals("kiosk", new JsonObject(bad.body()).getString("field"));

        // kiosk B's printer runs out of paper: the kiosk learns its ticket did not print; with paper, it prints once
        printerB.paperOut(true);
        HttpResponse<String> held = http.postJson("/api/v1/tickets", "{\"zone\": \"tax\", \"kiosk\": \"kiosk-b\"}");
        assertEquals(held.body(), 201, held.statusCode());
        String heldId = new JsonObject(held.body()).getString("id");
        await("its receipt says off line", () -> "OFFLINE".equals(receiptState(heldId)));
        assertEquals(bBefore, printerB.receipts().size());
        printerB.paperOut(false);
        await("printed once the paper is back", () -> "PRINTED".equals(receiptState(heldId)));
        assertEquals(bBefore + 1, printerB.receipts().size());
        assertEquals("kiosk B's ticket never reaches kiosk A's printer", aBefore + 1, printerA.receipts().size());
        assertEquals(404, http.get("/api/v1/tickets/no-such-ticket/receipt").statusCode());
        JsonObject kioskPrinter = new JsonObject(http.get("/api/v1/devices").body()).getJsonArray("devices").stream()
                .map(JsonObject.class::cast).filter(d -> "printer-kiosk-a".equals(d.getString("id"))).findFirst().orElseThrow();
        assertEquals("kiosk-a", kioskPrinter.getString("kiosk"));
    }
}
