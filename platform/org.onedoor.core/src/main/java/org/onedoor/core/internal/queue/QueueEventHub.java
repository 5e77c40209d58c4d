package org.onedoor.core.internal.queue;

import java.util.List;
import java.util.function.Consumer;
import org.onedoor.api.cluster.HallBus;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.core.internal.bus.BusTopic;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Delivers queue events to this node's listeners: through the hall bus (channel
 * {@value #CHANNEL}) when the cluster member runs, so every node sees every node's events, else directly.
 */
@Component(service = {QueueEvents.class, QueueEventHub.class})
public final class QueueEventHub implements QueueEvents {

    static final String CHANNEL = "onedoor.queue";

    private final BusTopic<QueueEvent> topic = new BusTopic<>(CHANNEL, QueueEventJson::write, QueueEventJson::read);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setBus(HallBus newBus) {
        topic.attach(newBus);
    }

    void unsetBus(HallBus oldBus) {
        topic.detach(oldBus);
    }

    /** Publishes committed events to every node. */
    void publish(List<QueueEvent> events) {
        topic.publish(events);
    }

    @Override
    public AutoCloseable subscribe(Consumer<QueueEvent> listener) {
        return topic.subscribe(listener);
    }
}
