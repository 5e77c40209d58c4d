package org.onedoor.core.internal.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.onedoor.api.notify.DeliveryReport;
import org.onedoor.api.notify.NotificationException;
import org.onedoor.api.notify.NotificationMessage;
import org.onedoor.api.notify.NotificationSender;
import org.onedoor.api.notify.NotificationSenderFactory;
import org.onedoor.api.notify.SendReceipt;
import org.onedoor.api.notify.SenderConfig;
import org.onedoor.api.notify.SenderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs the configured senders with the registered driver factories, as the device manager pairs
 * devices with drivers: a sender is created when both are there (lazily, at its first message) and
 * disposed when either goes away. Messages go through the first configured sender, by id, whose
 * driver is registered. A sender is never disposed while it sends.
 */
final class SenderPool {

    private static final Logger LOG = LoggerFactory.getLogger(SenderPool.class);

    /** A paired sender; {@link #send} and {@link #dispose} exclude each other. */
    static final class Slot {
        private final SenderConfig config;
        private final NotificationSenderFactory factory;
        private final NotificationSender sender;
        private boolean disposed;

        Slot(SenderConfig config, NotificationSenderFactory factory, NotificationSender sender) {
            this.config = config;
            this.factory = factory;
            this.sender = sender;
        }

        String id() {
            return config.id();
        }

        synchronized SendReceipt send(NotificationMessage message) throws NotificationException {
            if (disposed) {
                throw new NotificationException("sender " + config.id() + " was removed", null);
            }
            return sender.send(message);
        }

        synchronized void dispose() {
            if (!disposed) {
                disposed = true;
                try {
                    sender.dispose();
                } catch (RuntimeException e) {
                    LOG.warn("Sender {} failed to dispose: {}", config.id(), e.getMessage());
                }
            }
        }
    }

    private final Map<String, SenderConfig> configs = new TreeMap<>();
    private final List<NotificationSenderFactory> factories = new ArrayList<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<String, String> refused = new HashMap<>();
    private final BiConsumer<String, DeliveryReport> receipts;

    /** @param receipts where delivery receipts go: sender id and report */
    SenderPool(BiConsumer<String, DeliveryReport> receipts) {
        this.receipts = receipts;
    }

    void addConfig(SenderConfig config) {
        List<Slot> gone;
        synchronized (this) {
            configs.put(config.id(), config);
            refused.remove(config.id()); // a corrected configuration is tried again
            gone = drop(s -> s.id().equals(config.id()));
        }
        gone.forEach(Slot::dispose);
    }

    void removeConfig(String id) {
        List<Slot> gone;
        synchronized (this) {
            configs.remove(id);
            gone = drop(s -> s.id().equals(id));
        }
        gone.forEach(Slot::dispose);
    }

    synchronized void addFactory(NotificationSenderFactory factory) {
        factories.add(factory);
        refused.clear();
    }

    void removeFactory(NotificationSenderFactory factory) {
        List<Slot> gone;
        synchronized (this) {
            factories.remove(factory);
            gone = drop(s -> s.factory == factory);
        }
        gone.forEach(Slot::dispose);
    }

    /** @return the sender to use now, or empty while no configured sender has its driver */
    synchronized Optional<Slot> active() {
        for (SenderConfig c : configs.values()) {
            Slot slot = slots.get(c.id());
            if (slot != null) {
                return Optional.of(slot);
            }
            Optional<NotificationSenderFactory> factory = factoryOf(c.driver());
            if (factory.isEmpty() || refused.containsKey(c.id())) {
                continue;
            }
            try {
                Slot created = new Slot(c, factory.get(), factory.get().create(context(c)));
                slots.put(c.id(), created);
                return Optional.of(created);
            } catch (RuntimeException e) {
                refused.put(c.id(), e.getMessage());
                LOG.warn("Sender {} (driver {}) cannot be used: {}", c.id(), c.driver(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Disposes every sender. */
    void close() {
        List<Slot> gone;
        synchronized (this) {
            gone = drop(s -> true);
        }
        gone.forEach(Slot::dispose);
    }

    private Optional<NotificationSenderFactory> factoryOf(String driver) {
        return factories.stream().filter(f -> f.driverId().equals(driver)).findFirst();
    }

    private List<Slot> drop(java.util.function.Predicate<Slot> which) {
        List<Slot> gone = new ArrayList<>();
        slots.values().removeIf(s -> {
            if (which.test(s)) {
                gone.add(s);
                return true;
            }
            return false;
        });
        return gone;
    }

    private SenderContext context(SenderConfig c) {
        return new SenderContext() {
            @Override
            public SenderConfig config() {
                return c;
            }

            @Override
            public void delivered(DeliveryReport report) {
                receipts.accept(c.id(), report);
            }
        };
    }
}
