package org.onedoor.api.zone;

import java.time.Instant;
import org.onedoor.api.hall.ZoneDescriptor;

/**
 * A zone as this node sees it.
 *
 * @param descriptor the zone's descriptor (for a disabled zone: the one it last had)
 * @param state      whether it is open on this node
 * @param since      when it entered that state on this node
 */
public record ZoneStatus(ZoneDescriptor descriptor, ZoneState state, Instant since) {

    /** @return the zone id */
    public String id() {
        return descriptor.id();
    }
}
