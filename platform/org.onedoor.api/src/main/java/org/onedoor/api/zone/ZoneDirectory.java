package org.onedoor.api.zone;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The zones known to this node and their state; offered by the core.
 *
 * <p>Thread-safe; answers from memory without blocking.
 */
@ProviderType
public interface ZoneDirectory {

    /** @return the open zones, in hall order (ascending first window number) */
    List<ZoneStatus> openZones();

    /** @return every zone known to the node, open or disabled, in hall order */
    List<ZoneStatus> knownZones();

    /**
     * @param zoneId a zone id
     * @return the zone's status, if the node knows the zone
     */
    Optional<ZoneStatus> zone(String zoneId);
}
