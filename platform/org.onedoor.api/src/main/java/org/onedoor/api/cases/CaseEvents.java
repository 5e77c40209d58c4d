package org.onedoor.api.cases;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The cases' events as this node receives them from every node of the hall; offered by the core.
 * Listeners are called on a cluster or worker thread and must not block.
 */
@ProviderType
public interface CaseEvents {

    /**
     * @param listener called for each event
     * @return closing it ends the subscription
     */
    AutoCloseable subscribe(Consumer<CaseEvent> listener);
}
