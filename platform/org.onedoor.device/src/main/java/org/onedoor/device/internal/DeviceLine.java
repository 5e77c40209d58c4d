package org.onedoor.device.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.onedoor.api.device.DeviceBridgeHandler;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceHealth;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.OutboxState;
import org.onedoor.api.device.SerialPortSettings;
import org.onedoor.api.device.SerialTransport;
import org.onedoor.api.device.StatusDetail;
import org.onedoor.api.device.TcpLink;
import org.onedoor.api.device.TcpTransport;
import org.onedoor.device.internal.config.ConfiguredDevice;
import org.onedoor.device.internal.outbox.JdbcOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured device on this node: its handler (while a driver is present), its connection,
 * its health, and the delivery of its outbox in order, one command at a time, on the device
 * scheduler.
 *
 * <p>A command is taken from the outbox, executed and marked under one fair lock; attaching and
 * detaching a driver take the same lock, so a driver leaves only between two commands and a
 * command acknowledged by the device is never delivered again because of a driver swap.
 */
public final class DeviceLine implements DeviceContext {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceLine.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final long PROBE_SECONDS = 5;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final ConfiguredDevice slot;
    private final JdbcOutbox outbox;
    private final TcpTransport transport;
    private final Supplier<SerialTransport> serial;
    private final ScheduledExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicLong pending;
    private volatile DeviceHealth health;
    private volatile boolean closed;
    private volatile long retryAtNanos = System.nanoTime();
    private volatile DeviceHandler handler;
    private DeviceDriverFactory factory;
    private TcpLink link;
    private SerialTransport linkSerial;
    private int failures;
    private ScheduledFuture<?> probes;

    DeviceLine(ConfiguredDevice slot, JdbcOutbox outbox, TcpTransport transport, Supplier<SerialTransport> serial,
            ScheduledExecutorService executor) {
        this.slot = slot;
        this.outbox = outbox;
        this.transport = transport;
        this.serial = serial;
        this.executor = executor;
        this.pending = new AtomicLong(outbox.pending(slot.id()));
        this.health = slot.config().isPresent()
                ? new DeviceHealth(DeviceStatus.DRIVER_MISSING, StatusDetail.DRIVER_MISSING, missing(), Instant.now())
                : new DeviceHealth(DeviceStatus.CONFIGURATION_ERROR, StatusDetail.CONFIGURATION_ERROR, slot.error(), Instant.now());
        if (slot.config().isEmpty()) {
            LOG.warn("Device {} has a configuration error: {}", slot.id(), slot.error());
        }
    }

    String id() {
        return slot.id();
    }

    ConfiguredDevice slot() {
        return slot;
    }

    /** @return the driver id the configuration asks for, empty when the configuration has an error */
    Optional<String> driverId() {
        return slot.config().map(DeviceConfig::driver);
    }

    DeviceHealth health() {
        return health;
    }

    long pending() {
        return pending.get();
    }

    /** @return the children's states when the handler is a bridge, else empty; from memory */
    Map<String, String> children() {
        DeviceHandler h = handler;
        if (h instanceof DeviceBridgeHandler bridge) {
            try {
                return bridge.children();
            } catch (RuntimeException e) {
                LOG.warn("Device {}: driver failed to list its children", slot.id(), e);
            }
        }
        return Map.of();
    }

    /** Starts the periodic status check. */
    void start() {
        probes = executor.scheduleWithFixedDelay(this::probeOrWake, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
    }

    /** Gives the device a handler from the factory; false when it already has one or cannot use it. */
    boolean attach(DeviceDriverFactory candidate) {
        lock.lock();
        try {
            if (closed || handler != null || slot.config().isEmpty()) {
                return false;
            }
            DeviceConfig config = slot.config().get();
            if (!candidate.supports(config.kind())) {
                status(DeviceStatus.CONFIGURATION_ERROR, StatusDetail.CONFIGURATION_ERROR,
                        "driver " + config.driver() + " does not drive " + config.kind().configName() + " devices");
                return false;
            }
            try {
                handler = candidate.create(this);
            } catch (RuntimeException e) {
                status(DeviceStatus.CONFIGURATION_ERROR, StatusDetail.CONFIGURATION_ERROR,
                        "driver " + config.driver() + " refused the configuration: " + e.getMessage());
                return false;
            }
            factory = candidate;
            failures = 0;
            retryAtNanos = System.nanoTime();
            status(DeviceStatus.UNKNOWN, StatusDetail.NONE, "driver " + config.driver() + " attached");
        } finally {
            lock.unlock();
        }
        wake();
        return true;
    }

    /** Takes the handler away if it came from this factory; waits for a running command to finish. */
    boolean detach(DeviceDriverFactory leaving) {
        lock.lock();
        try {
            if (factory != leaving) {
                return false;
            }
            release();
            status(DeviceStatus.DRIVER_MISSING, StatusDetail.DRIVER_MISSING, missing());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the line: no more deliveries; the outbox keeps what is pending. */
    void close() {
        closed = true;
        if (probes != null) {
            probes.cancel(false);
        }
        lock.lock();
        try {
            release();
        } finally {
            lock.unlock();
        }
    }

    OutboxEntry submit(DeviceCommand command) {
        return submit(command, null);
    }

    /** @param key the command's key, or null; a command whose key the device already has is not written again */
    OutboxEntry submit(DeviceCommand command, String key) {
        JdbcOutbox.Appended written = outbox.append(slot.id(), command, key);
        if (written.created()) {
            pending.incrementAndGet();
            wake();
        }
        return written.entry();
    }

    /** Asks for delivery of what is pending, on the scheduler. */
    void wake() {
        if (closed || !drainQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            drainQueued.set(false);
        }
    }

    private void drain() {
        drainQueued.set(false);
        while (deliverOne()) {
            // next command
        }
    }

    /** @return true when a command was finished and the next one may follow at once */
    private boolean deliverOne() {
        lock.lock();
        try {
            if (closed || handler == null || System.nanoTime() - retryAtNanos < 0) {
                return false;
            }
            Optional<OutboxEntry> next;
            try {
                next = outbox.next(slot.id());
            } catch (RuntimeException e) {
                LOG.error("Device {}: cannot read its outbox; trying again later", slot.id(), e);
                backOff();
                return false;
            }
            if (next.isEmpty()) {
                if (health.status() != DeviceStatus.ONLINE) {
                    probeLocked();
                }
                return false;
            }
            return execute(next.get());
        } finally {
            lock.unlock();
        }
    }

    private boolean execute(OutboxEntry entry) {
        String reply;
        try {
            reply = handler.execute(entry.command());
        } catch (DeviceException e) {
            if (e.isRejected()) {
                LOG.warn("Device {} rejected outbox entry {} ({}): {}", slot.id(), entry.sequence(), entry.command().summary(), e.getMessage());
                outbox.finished(entry.sequence(), OutboxState.REJECTED, e.getMessage());
                pending.decrementAndGet();
                return true;
            }
            outbox.attempted(entry.sequence(), e.getMessage());
            failed(e.detail(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.error("Device {}: driver {} failed on outbox entry {}", slot.id(), factory.driverId(), entry.sequence(), e);
            outbox.attempted(entry.sequence(), "driver failure: " + e);
            failed(StatusDetail.DEVICE_ERROR, "driver failure: " + e);
            return false;
        }
        outbox.finished(entry.sequence(), OutboxState.DELIVERED, reply == null ? "" : reply);
        pending.decrementAndGet();
        online();
        return true;
    }

    private void probeOrWake() {
        if (pending.get() > 0) {
            wake();
            return;
        }
        lock.lock();
        try {
            if (!closed && handler != null && System.nanoTime() - retryAtNanos >= 0) {
                probeLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private void probeLocked() {
        try {
            handler.probe();
            online();
        } catch (DeviceException e) {
            failed(e.detail(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Device {}: driver {} failed while probing", slot.id(), factory.driverId(), e);
            failed(StatusDetail.DEVICE_ERROR, "driver failure: " + e);
        }
    }

    private void online() {
        failures = 0;
        status(DeviceStatus.ONLINE, StatusDetail.NONE, "");
    }

    private void failed(StatusDetail detail, String message) {
        closeLink();
        DeviceStatus status = detail == StatusDetail.CONFIGURATION_ERROR ? DeviceStatus.CONFIGURATION_ERROR : DeviceStatus.OFFLINE;
        status(status, detail, message);
        backOff();
    }

    private void backOff() {
        failures++;
        long delay = Math.min(MAX_BACKOFF_MS, 250L << Math.min(failures, 6));
        retryAtNanos = System.nanoTime() + delay * 1_000_000;
        try {
            executor.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the scheduler is stopping with the node
        }
    }

    private void release() {
        if (handler != null) {
            try {
                handler.dispose();
            } catch (RuntimeException e) {
                LOG.warn("Device {}: driver {} failed to dispose its handler", slot.id(), factory.driverId(), e);
            }
        }
        handler = null;
        factory = null;
        closeLink();
    }

    private void closeLink() {
        if (link != null) {
            if (linkSerial != null) {
                linkSerial.close(link);
            } else {
                transport.close(link);
            }
            link = null;
            linkSerial = null;
        }
    }

    private void status(DeviceStatus status, StatusDetail detail, String message) {
        DeviceHealth now = health;
        if (now.status() == status && now.detail() == detail && now.message().equals(message)) {
            return;
        }
        if (now.status() != status) {
            LOG.info("Device {} is {}{}", slot.id(), status, message.isEmpty() ? "" : " (" + detail + ": " + message + ")");
        }
        health = new DeviceHealth(status, detail, message, now.status() == status ? now.since() : Instant.now());
    }

    private String missing() {
        return "no driver '" + slot.config().map(DeviceConfig::driver).orElse("?") + "' is installed";
    }

    @Override
    public DeviceConfig config() {
        return slot.config().orElseThrow();
    }

    @Override
    public TcpLink link() throws IOException {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a device link is lent only while the node calls the handler");
        }
        if (link == null) {
            DeviceConfig c = config();
            Optional<SerialPortSettings> port = c.serialPort();
            if (port.isPresent()) {
                SerialTransport s = serial.get();
                if (s == null) {
                    throw new IOException("no serial transport is installed (feature onedoor-device-serial) for " + c.host());
                }
                link = s.open(port.get(), CONNECT_TIMEOUT);
                linkSerial = s;
            } else {
                link = transport.open(c.host(), c.port(), CONNECT_TIMEOUT);
            }
        }
        return link;
    }
}
