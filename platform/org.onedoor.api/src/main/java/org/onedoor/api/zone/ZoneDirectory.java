package org.onedoor.api.zone;

import java.util.List;
import java.util.Optional;
import org.onedoor.api.hall.Hall;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The zones known to this node and their state; offered by the core. Zones belong to a hall
 * ({@link org.onedoor.api.hall.ZoneDescriptor#hallId()}); the methods without a hall answer for the
 * default hall, so a zone id is unique only within its hall.
 *
 * <p>Thread-safe; answers from memory without blocking.
 */
@ProviderType
public interface ZoneDirectory {

    /** @return the open zones of the default hall, in hall order (ascending first window number) */
    List<ZoneStatus> openZones();

    /** @return every zone of the default hall known to the node, open or disabled, in hall order */
    List<ZoneStatus> knownZones();

    /**
     * @param zoneId a zone id
     * @return the default hall's zone's status, if the node knows the zone
     */
    Optional<ZoneStatus> zone(String zoneId);

    /**
     * @param hallId a hall id
     * @return the open zones of the hall, in hall order (by default: the default hall's, none of another)
     * @since 1.1
     */
    default List<ZoneStatus> openZones(String hallId) {
        return Hall.DEFAULT_ID.equals(hallId) ? openZones() : List.of();
    }

    /**
     * @param hallId a hall id
     * @return every zone of the hall known to the node, open or disabled, in hall order (by default: the
     *         default hall's, none of another)
     * @since 1.1
     */
    default List<ZoneStatus> knownZones(String hallId) {
        return Hall.DEFAULT_ID.equals(hallId) ? knownZones() : List.of();
    }

    /**
     * @param hallId a hall id
     * @param zoneId a zone id
     * @return the status of the hall's zone, if the node knows it (by default: a zone of the default hall only)
     * @since 1.1
     */
    default Optional<ZoneStatus> zone(String hallId, String zoneId) {
        return Hall.DEFAULT_ID.equals(hallId) ? zone(zoneId) : Optional.empty();
    }
}
