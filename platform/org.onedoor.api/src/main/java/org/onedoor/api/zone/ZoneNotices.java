package org.onedoor.api.zone;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable notices per zone; offered by the core.
 *
 * <p>Calls block on the database; do not call them from an event loop.
 */
@ProviderType
public interface ZoneNotices {

    /** Longest notice accepted, in characters. */
    int MAX_LENGTH = 500;

    /**
     * @param zoneId the zone id
     * @return the zone's notice, if one was posted
     */
    Optional<ZoneNotice> notice(String zoneId);

    /**
     * Stores (replaces) the notice of a known zone.
     *
     * @param zoneId the zone id; the zone must be known to the node (open or disabled)
     * @param text   the notice, 1 to {@link #MAX_LENGTH} characters
     * @param actor  who posts it
     * @return the stored notice
     * @throws UnknownZoneException     if the node does not know the zone
     * @throws IllegalArgumentException if the text is blank or too long
     */
    ZoneNotice post(String zoneId, String text, String actor);
}
