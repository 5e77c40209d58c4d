package org.onedoor.api.cluster;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Fans short text messages out to every node of the hall (this one included); offered by the
 * cluster bundle while its member runs.
 *
 * <p>Delivery is best effort and unordered across senders: use it for hints (events), never for
 * the durable record. Listeners are called on a cluster thread and must not block.
 */
@ProviderType
public interface HallBus {

    /**
     * @param channel a channel name, e.g. {@code onedoor.queue}
     * @param message the message (typically JSON)
     */
    void publish(String channel, String message);

    /**
     * @param channel  a channel name
     * @param listener called with every message published on the channel by any node
     * @return closing it ends the subscription
     */
    AutoCloseable subscribe(String channel, Consumer<String> listener);
}
