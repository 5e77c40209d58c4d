package org.onedoor.api.zone;

import java.time.Instant;

/**
 * The notice an operator posted for a zone (shown on its screens), kept while the zone is disabled.
 *
 * @param zoneId    the zone id
 * @param text      the notice text, at most {@link ZoneNotices#MAX_LENGTH} characters
 * @param updatedBy who posted it
 * @param updatedAt when it was posted
 */
public record ZoneNotice(String zoneId, String text, String updatedBy, Instant updatedAt) {
}
