package org.onedoor.device.demo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.onedoor.device.led.stx.simulator.Checksum;
import org.onedoor.device.led.stx.simulator.LedBoardSimulator;
import org.onedoor.device.locker.lockboard.simulator.LockerBoardSimulator;
import org.onedoor.device.printer.escpos.simulator.EscPosPrinterSimulator;
import org.onedoor.device.printer.escpos.simulator.PrintedReceipt;
import org.onedoor.device.printer.escpos.simulator.ReceiptImage;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo hall's devices, only when the node runs with {@code ONEDOOR_DEMO_DEVICES=1}: the
 * ESC/POS printer, LED board and locker board simulators inside the node on free loopback ports,
 * and a device configuration for each ({@code demo-printer} for every zone, {@code demo-led} for
 * every window, {@code demo-locker} with 8 doors) plus the caller screen {@code demo-screen}. The
 * printer writes each receipt as text and PNG to {@code data/demo-receipts/}. Stopping the bundle
 * stops the simulators and removes the configurations.
 */
@Component(immediate = true)
public final class DemoDevices {

    static final String ENV = "ONEDOOR_DEMO_DEVICES";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDevices.class);

    private final ConfigurationAdmin configurations;
    private final List<AutoCloseable> simulators = new ArrayList<>();
    private final List<Configuration> made = new ArrayList<>();

    @Activate
    public DemoDevices(@Reference ConfigurationAdmin configurations, BundleContext context) {
        this.configurations = configurations;
        if (!"1".equals(System.getenv(ENV))) {
            LOG.info("Demo devices are off (start the node with {}=1 to run the simulators and their configurations)", ENV);
            return;
        }
        try {
            start(Path.of(context.getProperty("karaf.data") == null ? "data" : context.getProperty("karaf.data"), "demo-receipts"));
        } catch (IOException e) {
            LOG.error("Demo devices could not start: {}", e.getMessage(), e);
            stop();
        }
    }

    private void start(Path receipts) throws IOException {
        Files.createDirectories(receipts);
        AtomicInteger count = new AtomicInteger();
        EscPosPrinterSimulator printer = new EscPosPrinterSimulator(0);
        printer.onReceipt(r -> keep(receipts, String.format("receipt-%04d", count.incrementAndGet()), r));
        simulators.add(printer.start());
        LedBoardSimulator led = new LedBoardSimulator(0, Checksum.XOR, Set.of(1));
        simulators.add(led.start());
        LockerBoardSimulator locker = new LockerBoardSimulator(0, 1, 8, true);
        simulators.add(locker.start());
        configure("demo-printer", Map.of("kind", "printer", "driver", "escpos", "host", "127.0.0.1",
                "port", Integer.toString(printer.port()), "title", "市民之家（演示）"));
        configure("demo-led", Map.of("kind", "led-display", "driver", "led-stx", "host", "127.0.0.1",
                "port", Integer.toString(led.port()), "windows", "1-192", "address", "1"));
        configure("demo-locker", Map.of("kind", "locker", "driver", "lockboard", "host", "127.0.0.1",
                "port", Integer.toString(locker.port()), "doors", "8"));
        configure("demo-screen", Map.of("kind", "screen", "driver", "web"));
        LOG.info("Demo devices: printer on port {}, LED board on {}, locker board on {}; receipts in {}; caller screen /ui/screen?device=demo-screen",
                printer.port(), led.port(), locker.port(), receipts);
    }

    private static void keep(Path folder, String name, PrintedReceipt receipt) {
        LOG.info("Demo printer printed {}:\n{}", name, receipt.render());
        try {
            Files.writeString(folder.resolve(name + ".txt"), receipt.render());
            Files.write(folder.resolve(name + ".png"), ReceiptImage.png(receipt));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Demo printer: cannot write {}: {}", name, e.getMessage());
        }
    }

    private void configure(String id, Map<String, String> properties) throws IOException {
        Configuration c = configurations.getFactoryConfiguration("org.onedoor.device", id, "?");
        c.update(new Hashtable<>(properties));
        made.add(c);
    }

    @Deactivate
    void stop() {
        for (Configuration c : made) {
            try {
                c.delete();
            } catch (IOException | IllegalStateException e) {
                LOG.debug("demo configuration already gone: {}", e.getMessage());
            }
        }
        made.clear();
        for (AutoCloseable s : simulators) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("stopping a demo simulator: {}", e.getMessage());
            }
        }
        simulators.clear();
    }
}
