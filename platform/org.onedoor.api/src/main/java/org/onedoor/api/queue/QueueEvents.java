package org.onedoor.api.queue;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The queue's events as this node receives them from every node of the hall; offered by the core.
 *
 * <p>Events are hints: a listener that sees a gap in {@link QueueEvent#seq()} (or, for one zone,
 * in {@link QueueEvent#zoneSeq()}) fetches a snapshot. Listeners are called on a cluster or
 * worker thread and must not block.
 */
@ProviderType
public interface QueueEvents {

    /**
     * @param listener called for each event
     * @return closing it ends the subscription
     */
    AutoCloseable subscribe(Consumer<QueueEvent> listener);
}
