package org.onedoor.api.zone;

import org.onedoor.api.hall.ZoneDescriptor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An acceptance area present on this node; registered as a service by (or for) a zone bundle.
 *
 * <p>Implemented by zone plug-ins. Calls come from any thread and must not block.
 */
@ConsumerType
public interface Zone {

    /** Manifest header naming the descriptor resource of a data-only zone bundle. */
    String DESCRIPTOR_HEADER = "OneDoor-Zone";

    /** Service property carrying the zone id, so consumers can filter. */
    String ZONE_ID_PROPERTY = "onedoor.zone.id";

    /** @return the zone's descriptor; the same value on every call */
    ZoneDescriptor descriptor();
}
