package org.onedoor.device.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceView;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.SerialTransport;
import org.onedoor.api.device.TcpTransport;
import org.onedoor.api.device.UnknownDeviceException;
import org.onedoor.device.internal.config.ConfiguredDevice;
import org.onedoor.device.internal.config.DeviceConfigurations;
import org.onedoor.device.internal.outbox.JdbcOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's device registry: follows the device configurations, pairs each device with a
 * driver factory of its protocol as both come and go (whiteboard), and writes commands to the
 * durable outbox.
 */
@Component(service = {DeviceRegistry.class, ConfigurationListener.class}, immediate = true)
public final class DeviceManager implements DeviceRegistry, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);

    private final JdbcOutbox outbox;
    private final TcpTransport transport;
    private final ScheduledExecutorService executor;
    private final Map<String, DeviceLine> lines = new ConcurrentHashMap<>();
    private final List<DeviceDriverFactory> drivers = new CopyOnWriteArrayList<>();
    private final Map<DeviceDriverFactory, String> driverNames = new ConcurrentHashMap<>();
    private final DriverSwapAudit swaps;
    private DeviceConfigurations configurations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SerialTransport serial;

    @Activate
    public DeviceManager(@Reference HallDatabase database,
            @Reference TcpTransport transport,
            @Reference(target = DeviceScheduler.TARGET) ScheduledExecutorService executor,
            @Reference ConfigurationAdmin configurationAdmin) {
        this(new JdbcOutbox(database), transport, executor);
        configurations = new DeviceConfigurations(configurationAdmin);
        configurations.all().values().forEach(this::addDevice);
        executor.schedule(this::addMissed, 2, TimeUnit.SECONDS);
    }

    /**
     * Adds the device configurations created after the first listing but before this component's
     * listener was registered (their events went to no one).
     */
    public void addMissed() {
        for (ConfiguredDevice d : configurations.all().values()) {
            synchronized (this) {
                if (!lines.containsKey(d.id())) {
                    LOG.info("Device {}: configuration found after start-up", d.id());
                    addDevice(d);
                }
            }
        }
    }

    /** A manager over the given outbox, transport and executor, outside the framework (tests and tools). */
    public static DeviceManager of(JdbcOutbox outbox, TcpTransport transport, ScheduledExecutorService executor) {
        return new DeviceManager(outbox, transport, executor);
    }

    DeviceManager(JdbcOutbox outbox, TcpTransport transport, ScheduledExecutorService executor) {
        this.outbox = outbox;
        this.transport = transport;
        this.executor = executor;
        this.swaps = new DriverSwapAudit(() -> audit, executor);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindDriver")
    public void bindDriver(DeviceDriverFactory driver, ServiceReference<DeviceDriverFactory> ref) {
        driverNames.put(driver, describe(driver, ref.getBundle()));
        addDriver(driver);
    }

    public void unbindDriver(DeviceDriverFactory driver, ServiceReference<DeviceDriverFactory> ref) {
        removeDriver(driver);
        driverNames.remove(driver);
    }

    /** @return e.g. {@code escpos (bundle org.onedoor.device.printer.escpos 0.1.0.SNAPSHOT)} */
    public static String describe(DeviceDriverFactory driver, Bundle bundle) {
        return driver.driverId() + (bundle == null ? "" : " (bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + ")");
    }

    private String name(DeviceDriverFactory driver) {
        return driverNames.getOrDefault(driver, driver.driverId());
    }

    public void addDriver(DeviceDriverFactory driver) {
        drivers.add(driver);
        for (DeviceLine line : lines.values()) {
            if (line.driverId().filter(driver.driverId()::equals).isPresent() && line.attach(driver)) {
                swaps.attached(line.id(), name(driver));
            }
        }
    }

    public void removeDriver(DeviceDriverFactory driver) {
        drivers.remove(driver);
        for (DeviceLine line : lines.values()) {
            if (line.detach(driver)) {
                swaps.gone(line.id(), name(driver), line.pending());
                attachAny(line);
            }
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (configurations == null || !DeviceConfigurations.isDevice(event.getPid(), event.getFactoryPid())) {
            return;
        }
        String id = DeviceConfigurations.idOf(event.getPid());
        Optional<ConfiguredDevice> now = event.getType() == ConfigurationEvent.CM_DELETED
                ? Optional.empty() : configurations.one(event.getPid());
        synchronized (this) {
            if (now.isPresent()) {
                addDevice(now.get());
            } else {
                removeDevice(id);
            }
        }
    }

    public synchronized void addDevice(ConfiguredDevice device) {
        DeviceLine line = new DeviceLine(device, outbox, transport, () -> serial, executor);
        DeviceLine previous = lines.put(device.id(), line);
        if (previous != null) {
            previous.close();
        }
        line.start();
        attachAny(line);
    }

    public synchronized void removeDevice(String id) {
        DeviceLine line = lines.remove(id);
        if (line != null) {
            line.close();
        }
    }

    private void attachAny(DeviceLine line) {
        for (DeviceDriverFactory driver : drivers) {
            if (line.driverId().filter(driver.driverId()::equals).isPresent() && line.attach(driver)) {
                swaps.attached(line.id(), name(driver));
                return;
            }
        }
    }

    @Deactivate
    public void stop() {
        lines.values().forEach(DeviceLine::close);
    }

    @Override
    public List<DeviceView> devices() {
        return lines.values().stream().map(DeviceManager::view).sorted(Comparator.comparing(DeviceView::id)).toList();
    }

    @Override
    public Optional<DeviceView> device(String deviceId) {
        return Optional.ofNullable(lines.get(deviceId)).map(DeviceManager::view);
    }

    @Override
    public OutboxEntry submit(String deviceId, DeviceCommand command) {
        return checked(deviceId, command).submit(command);
    }

    @Override
    public OutboxEntry submitOnce(String deviceId, DeviceCommand command, String key) {
        if (key == null || key.isBlank() || key.length() > 128) {
            throw new IllegalArgumentException("a command key must be 1-128 characters");
        }
        return checked(deviceId, command).submit(command, key);
    }

    private DeviceLine checked(String deviceId, DeviceCommand command) {
        DeviceLine line = line(deviceId);
        line.slot().config().map(DeviceConfig::kind).ifPresent(kind -> command.target().ifPresent(target -> {
            if (target != kind) {
                throw new IllegalArgumentException("device " + deviceId + " is a " + kind.configName()
                        + "; '" + command.summary() + "' is for a " + target.configName());
            }
        }));
        return line;
    }

    @Override
    public Optional<OutboxEntry> entry(String deviceId, long sequence) {
        line(deviceId);
        return outbox.byId(deviceId, sequence);
    }

    @Override
    public Optional<OutboxEntry> entry(String deviceId, String key) {
        line(deviceId);
        return outbox.byKey(deviceId, key);
    }

    @Override
    public List<OutboxEntry> outbox(String deviceId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000, was " + limit);
        }
        line(deviceId);
        return outbox.list(deviceId, limit);
    }

    private DeviceLine line(String deviceId) {
        DeviceLine line = lines.get(deviceId);
        if (line == null) {
            throw new UnknownDeviceException(deviceId);
        }
        return line;
    }

    private static DeviceView view(DeviceLine line) {
        DeviceConfig config = line.slot().config().orElse(null);
        return new DeviceView(line.id(), config, line.health(), line.pending(), line.children());
    }
}
