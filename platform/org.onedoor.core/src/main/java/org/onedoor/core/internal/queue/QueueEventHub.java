package org.onedoor.core.internal.queue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.onedoor.api.cluster.HallBus;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queue events to this node's listeners: through the hall bus when the cluster member
 * runs (so every node sees every node's events), else directly.
 */
@Component(service = {QueueEvents.class, QueueEventHub.class})
public final class QueueEventHub implements QueueEvents {

    static final String CHANNEL = "onedoor.queue";

    private static final Logger LOG = LoggerFactory.getLogger(QueueEventHub.class);

    private final List<Consumer<QueueEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile HallBus bus;
    private volatile AutoCloseable subscription;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setBus(HallBus newBus) {
        closeSubscription();
        subscription = newBus.subscribe(CHANNEL, message -> deliver(QueueEventJson.read(message)));
        bus = newBus;
    }

    void unsetBus(HallBus oldBus) {
        if (bus == oldBus) {
            bus = null;
            closeSubscription();
        }
    }

    private void closeSubscription() {
        AutoCloseable s = subscription;
        subscription = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing the queue subscription: {}", e.getMessage());
            }
        }
    }

    /** Publishes committed events to every node. */
    void publish(List<QueueEvent> events) {
        HallBus current = bus;
        for (QueueEvent e : events) {
            if (current != null) {
                try {
                    current.publish(CHANNEL, QueueEventJson.write(e));
                    continue;
                } catch (RuntimeException ex) {
                    LOG.warn("Queue event {} could not be sent to the other nodes: {}", e.seq(), ex.getMessage());
                }
            }
            deliver(e);
        }
    }

    private void deliver(QueueEvent e) {
        for (Consumer<QueueEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("A queue event listener failed: {}", ex.getMessage());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<QueueEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
