package org.onedoor.core.internal.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.onedoor.api.cluster.HallBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of event delivered to this node's listeners: through a channel of the hall bus while
 * the cluster member runs (so every node sees every node's events), else directly. The event
 * hubs of the queue and of cases each keep one and bind the bus to it.
 *
 * @param <E> the event type
 */
public final class BusTopic<E> {

    private static final Logger LOG = LoggerFactory.getLogger(BusTopic.class);

    private final String channel;
    private final Function<E, String> write;
    private final Function<String, E> read;
    private final List<Consumer<E>> listeners = new CopyOnWriteArrayList<>();
    private volatile HallBus bus;
    private volatile AutoCloseable subscription;

    /**
     * @param channel the hall bus channel
     * @param write   the event as the message sent to every node
     * @param read    the event of a message; null for a message to ignore (it logs why)
     */
    public BusTopic(String channel, Function<E, String> write, Function<String, E> read) {
        this.channel = channel;
        this.write = write;
        this.read = read;
    }

    /** Sends and receives through {@code newBus} from now on. */
    public void attach(HallBus newBus) {
        closeSubscription();
        subscription = newBus.subscribe(channel, message -> {
            E e = read.apply(message);
            if (e != null) {
                deliver(e);
            }
        });
        bus = newBus;
    }

    /** Delivers directly from now on, if {@code oldBus} is the bus in use. */
    public void detach(HallBus oldBus) {
        if (bus == oldBus) {
            bus = null;
            closeSubscription();
        }
    }

    /** Publishes committed events to every node (to this node's listeners only when the bus fails or is missing). */
    public void publish(List<E> events) {
        HallBus current = bus;
        for (E e : events) {
            if (current != null) {
                try {
                    current.publish(channel, write.apply(e));
                    continue;
                } catch (RuntimeException ex) {
                    LOG.warn("An event of {} could not be sent to the other nodes: {}", channel, ex.getMessage());
                }
            }
            deliver(e);
        }
    }

    /** @return closing it ends the subscription */
    public AutoCloseable subscribe(Consumer<E> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void deliver(E e) {
        for (Consumer<E> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("A listener of {} failed: {}", channel, ex.getMessage());
            }
        }
    }

    private void closeSubscription() {
        AutoCloseable s = subscription;
        subscription = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing the subscription of {}: {}", channel, e.getMessage());
            }
        }
    }
}
