package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.onedoor.itests.HallNodeOptions.await;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.api.device.DeviceView;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.device.printer.escpos.simulator.EscPosPrinterSimulator;
import org.onedoor.device.printer.escpos.simulator.PrintedLine;
import org.onedoor.device.printer.escpos.simulator.PrintedReceipt;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Devices on the real node: a printer configured in {@code etc/} printing on the ESC/POS simulator,
 * its driver stopped, updated and reinstalled while tickets keep coming (every ticket printed
 * exactly once, in order), a printer that is switched off and on, and the technician's HTTP API
 * and console.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeviceIT {

    private static final String DRIVER = "org.onedoor.device.printer.escpos";
    private static final String DRIVER_FEATURE = "onedoor-device-printer-escpos";
    private static final String TECH = "tech1";
    private static final String TECH_PW = "it-technician-Secret1";

    private static EscPosPrinterSimulator printer;

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private SessionFactory sessions;

    @Inject
    private DeviceRegistry devices;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private org.onedoor.api.audit.AuditTrail audit;

    private Http http;

    @Configuration
    public Option[] config() throws Exception {
        String driver = new File(System.getProperty("onedoor.driver.jar",
                "../device-bundles/org.onedoor.device.printer.escpos/target/org.onedoor.device.printer.escpos-0.1.0-SNAPSHOT.jar"))
                .getAbsolutePath();
        int printerPort;
        try (ServerSocket s = new ServerSocket(0)) {
            printerPort = s.getLocalPort();
        }
        String cfg = "etc/org.onedoor.device~printer1.cfg";
        return OptionUtils.combine(HallNodeOptions.node(),
                editConfigurationFilePut("etc/users.properties", TECH, HallNodeOptions.hashed(TECH_PW) + ",_g_:techniciangroup"),
                editConfigurationFilePut(cfg, "kind", "printer"),
                editConfigurationFilePut(cfg, "driver", "escpos"),
                editConfigurationFilePut(cfg, "host", "127.0.0.1"),
                editConfigurationFilePut(cfg, "port", Integer.toString(printerPort)),
                editConfigurationFilePut(cfg, "zone", "real-estate"),
                editConfigurationFilePut(cfg, "windows", "1-8"),
                editConfigurationFilePut(cfg, "title", "驻马店市民之家"),
                editConfigurationFilePut("etc/org.onedoor.device-broken.cfg", "kind", "printer"),
                editConfigurationFilePut("etc/org.onedoor.device-broken.cfg", "driver", "escpos"),
                editConfigurationFilePut("etc/org.onedoor.device-broken.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.onedoor.device-broken.cfg", "port", "ninety-one-hundred"),
                systemProperty("onedoor.it.printerPort").value(Integer.toString(printerPort)),
                systemProperty("onedoor.it.driverJar").value(driver));
    }

    @Before
    public void printerOn() throws Exception {
        synchronized (DeviceIT.class) {
            if (printer == null) {
                printer = new EscPosPrinterSimulator(Integer.getInteger("onedoor.it.printerPort")).start();
            }
        }
        http = new Http(HallNodeOptions.webPort());
        await("printer1 is online", () -> status("printer1") == DeviceStatus.ONLINE);
    }

    @After
    public void allDelivered() throws Exception {
        await("printer1's outbox is empty", () -> devices.device("printer1").orElseThrow().pending() == 0);
    }

    private DeviceStatus status(String id) {
        return devices.device(id).map(d -> d.health().status()).orElse(null);
    }

    private static PrintTicket ticket(String number, int ahead) {
        return new PrintTicket(number, "不动产登记区", ahead, LocalDateTime.now().withNano(0), "http://hall.example/ui/tickets/" + number);
    }

    /** @return the ticket numbers (the 4x4 line) of the receipts printed from index {@code from} on */
    private static List<String> printedNumbers(int from) {
        List<PrintedReceipt> all = printer.receipts();
        List<String> out = new ArrayList<>();
        for (PrintedReceipt r : all.subList(from, all.size())) {
            out.add(r.lines().stream().filter(l -> l.width() == 4).map(PrintedLine::text).findFirst().orElse("?"));
        }
        return out;
    }

    private static List<String> expected(String prefix, int count) {
        return Stream.iterate(1, n -> n + 1).limit(count).map(n -> String.format("%s%03d", prefix, n)).collect(Collectors.toList());
    }

    private Bundle driverBundle() {
        for (Bundle b : context.getBundles()) {
            if (DRIVER.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    @Test
    public void everyTicketIsPrintedExactlyOnceInOrderWhileTheDriverIsStoppedUpdatedAndReinstalled() throws Exception {
        int before = printer.receipts().size();
        int total = 90;
        Thread kiosk = new Thread(() -> {
            for (int n = 1; n <= total; n++) {
                devices.submit("printer1", ticket(String.format("S%03d", n), n % 7));
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "it-kiosk");
        kiosk.start();

        await("some tickets printed", () -> printer.receipts().size() - before >= 5);
        Bundle driver = driverBundle();
        driver.stop();
        await("printer1 waits for a driver", () -> status("printer1") == DeviceStatus.DRIVER_MISSING);
        int held = printer.receipts().size();
        Thread.sleep(500);
        assertEquals("nothing prints without a driver", held, printer.receipts().size());
        assertTrue(devices.device("printer1").orElseThrow().pending() > 0);
        assertTrue(http.get("/api/v1/devices").body().contains("DRIVER_MISSING"));

        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("onedoor.it.driverJar")))) {
            driver.update(in);
        }
        driver.start();
        await("printer1 prints again after the update", () -> printer.receipts().size() > held);

        features.uninstallFeature(DRIVER_FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        assertEquals(null, driverBundle());
        await("printer1 waits for a driver again", () -> status("printer1") == DeviceStatus.DRIVER_MISSING);
        Thread.sleep(300);
        features.installFeature(DRIVER_FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));

        kiosk.join();
        await("every ticket printed", () -> devices.device("printer1").orElseThrow().pending() == 0
                && printer.receipts().size() - before >= total);
        Thread.sleep(300);
        assertEquals(expected("S", total), printedNumbers(before));
        for (PrintedReceipt r : printer.receipts().subList(before, printer.receipts().size())) {
            assertTrue(r.render(), r.cut() && r.problems().isEmpty() && r.qrCodes().size() == 1);
        }
        await("the swaps are in the audit trail", () -> audit.recent("driver-swap", "system", 100).stream()
                .filter(a -> a.event().target().equals("printer1") && a.event().detail().contains("(bundle " + DRIVER + " ")).count() >= 4);
        List<String> swaps = audit.recent("driver-swap", "system", 100).stream().filter(a -> a.event().target().equals("printer1"))
                .map(a -> a.event().detail().contains(" gone;") ? "gone" : a.event().detail().endsWith(" back") ? "back" : a.event().detail())
                .collect(Collectors.toList());
        assertEquals("newest first: back, gone, back, gone", List.of("back", "gone", "back", "gone"), swaps.subList(0, 4));
    }

    @Test
    public void aPrinterSwitchedOffKeepsItsTicketsAndPrintsThemInOrderWhenBack() throws Exception {
        int before = printer.receipts().size();
        printer.stop();
        for (int n = 1; n <= 5; n++) {
            devices.submit("printer1", ticket(String.format("F%03d", n), 0));
        }
        await("printer1 is offline with a communication error", () -> {
            DeviceView d = devices.device("printer1").orElseThrow();
            return d.health().status() == DeviceStatus.OFFLINE && d.health().detail() == StatusDetail.COMMUNICATION_ERROR;
        });
        assertEquals(5, devices.device("printer1").orElseThrow().pending());
        printer.start();
        await("the five tickets printed", () -> printer.receipts().size() - before == 5);
        assertEquals(expected("F", 5), printedNumbers(before));
    }

    @Test
    public void aDeviceConfiguredAtRunTimeAppearsChangesAndGoesAwayWithItsConfiguration() throws Exception {
        org.osgi.service.cm.Configuration late = configurationAdmin.getFactoryConfiguration("org.onedoor.device", "late1", "?");
        java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();
        p.put("kind", "printer");
        p.put("driver", "escpos");
        p.put("host", "127.0.0.1");
        p.put("port", Integer.toString(printer.port()));
        p.put("windows", "9");
        late.update(p);
        await("late1 is online", () -> status("late1") == DeviceStatus.ONLINE);
        int before = printer.receipts().size();
        devices.submit("late1", ticket("L001", 0));
        await("late1 printed", () -> printer.receipts().size() > before);
        assertEquals(List.of("L001"), printedNumbers(before));

        p.put("zone", "tax");
        late.update(p);
        await("late1 has its new zone", () -> devices.device("late1").map(d -> d.config() != null
                && "tax".equals(d.config().zone())).orElse(false));
        await("late1 is online again", () -> status("late1") == DeviceStatus.ONLINE);

        // a technician's typo in a driver setting names the property and the one meant
        p.put("answerTimeoutMilis", "500");
        late.update(p);
        await("late1 refuses its misspelt setting", () -> status("late1") == DeviceStatus.CONFIGURATION_ERROR);
        String why = devices.device("late1").orElseThrow().health().message();
        assertTrue(why, why.contains("no property 'answerTimeoutMilis' (did you mean 'answerTimeoutMillis'?)"));
        p.remove("answerTimeoutMilis");
        p.put("answerTimeoutMillis", "500");
        late.update(p);
        await("late1 is online with its corrected setting", () -> status("late1") == DeviceStatus.ONLINE);

        late.delete();
        await("late1 is gone", () -> devices.device("late1").isEmpty());
        assertEquals(2, (int) new JsonObject(http.get("/api/v1/devices").body()).getInteger("count"));
    }

    @Test
    public void techniciansListTestAndInspectDevicesOverHttpAndTheConsole() throws Exception {
        JsonObject list = new JsonObject(http.get("/api/v1/devices").body());
        JsonArray items = list.getJsonArray("devices");
        assertEquals(2, (int) list.getInteger("count"));
        JsonObject broken = items.getJsonObject(0);
        assertEquals("broken", broken.getString("id"));
        assertEquals("CONFIGURATION_ERROR", broken.getString("status"));
        assertTrue(broken.getString("message"), broken.getString("message").contains("port 'ninety-one-hundred' is not a number"));
        JsonObject printer1 = items.getJsonObject(1);
        assertEquals("printer", printer1.getString("kind"));
        assertEquals("escpos", printer1.getString("driver"));
        assertEquals(8, printer1.getJsonArray("windows").size());

        assertEquals(401, http.post("/api/v1/devices/printer1/test", null, null).statusCode());
        assertEquals(403, http.post("/api/v1/devices/printer1/test", HallNodeOptions.VIEWER, HallNodeOptions.VIEWER_PW).statusCode());
        HttpResponse<String> unknown = http.post("/api/v1/devices/nosuch/test", TECH, TECH_PW);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("unknown-device"));

        int before = printer.receipts().size();
        HttpResponse<String> queued = http.post("/api/v1/devices/printer1/test", TECH, TECH_PW);
        assertEquals(queued.body(), 202, queued.statusCode());
        long sequence = new JsonObject(queued.body()).getLong("sequence");
        await("the test page printed", () -> printer.receipts().size() > before);
        PrintedReceipt page = printer.receipts().get(before);
        assertTrue(page.render(), page.lineContaining("打印机测试页").isPresent() && page.lineContaining("测试人：" + TECH).isPresent());

        HttpResponse<String> outbox = http.getAs("/api/v1/devices/printer1/outbox?limit=5", TECH, TECH_PW);
        assertEquals(outbox.body(), 200, outbox.statusCode());
        JsonObject entry = new JsonObject(outbox.body()).getJsonArray("entries").getJsonObject(0);
        assertEquals(sequence, (long) entry.getLong("sequence"));
        assertEquals("DELIVERED", entry.getString("state"));
        assertEquals("SelfTest", entry.getString("command"));
        assertEquals(403, http.getAs("/api/v1/devices/printer1/outbox", HallNodeOptions.VIEWER, HallNodeOptions.VIEWER_PW).statusCode());
        HttpResponse<String> badLimit = http.getAs("/api/v1/devices/printer1/outbox?limit=zero", TECH, TECH_PW);
        assertEquals(400, badLimit.statusCode());
        assertTrue(badLimit.body(), badLimit.body().contains("invalid-limit"));

        Console console = new Console(sessions);
        String table = console.run("onedoor:devices", "technician");
        assertTrue(table, table.contains("printer1") && table.contains("ONLINE") && table.contains("CONFIGURATION_ERROR"));
        int beforeConsole = printer.receipts().size();
        assertTrue(console.run("onedoor:device-test printer1", "technician").contains("Test queued for printer1"));
        await("the console's test page printed", () -> printer.receipts().size() > beforeConsole);
        assertTrue(console.run("onedoor:device-outbox printer1", "technician").contains("self test by it-user"));
        try {
            console.run("onedoor:device-test nosuch", "technician");
            fail("an unknown device must be refused");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no device 'nosuch'"));
        }
        try {
            console.run("onedoor:device-test printer1", "viewer");
            fail("a viewer must not test devices");
        } catch (Exception e) {
            assertTrue(e.toString(), e.toString().contains("Insufficient credentials") || e.toString().contains("not found"));
        }
    }
}
