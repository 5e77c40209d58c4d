package org.onedoor.core.internal.zone;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneNotice;
import org.onedoor.api.zone.ZoneNotices;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Zone notices kept in the store (table {@code zone_notice}); they outlive the zone's bundle. */
@Component(service = ZoneNotices.class)
public final class JdbcZoneNotices implements ZoneNotices {

    private final HallDatabase database;
    private final ZoneDirectory zones;

    @Activate
    public JdbcZoneNotices(@Reference HallDatabase database, @Reference ZoneDirectory zones) {
        this.database = database;
        this.zones = zones;
    }

    @Override
    public Optional<ZoneNotice> notice(String zoneId) {
        try {
            return database.withHandle(h -> h.createQuery(
                    "SELECT zone_id, text, updated_by, updated_at FROM zone_notice WHERE zone_id = :zone")
                    .bind("zone", zoneId)
                    .map((rs, ctx) -> new ZoneNotice(rs.getString("zone_id"), rs.getString("text"), rs.getString("updated_by"),
                            rs.getTimestamp("updated_at").toInstant()))
                    .findOne());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the notice of zone " + zoneId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ZoneNotice post(String zoneId, String text, String actor) {
        if (zones.zone(zoneId).isEmpty()) {
            throw new UnknownZoneException(zoneId);
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the notice text must not be empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("the notice text is longer than " + MAX_LENGTH + " characters");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            database.useTransaction(h -> {
                int updated = h.createUpdate(
                        "UPDATE zone_notice SET text = :text, updated_by = :actor, updated_at = :now WHERE zone_id = :zone")
                        .bind("text", trimmed).bind("actor", actor).bind("now", now).bind("zone", zoneId)
                        .execute();
                if (updated == 0) {
                    h.createUpdate("INSERT INTO zone_notice (zone_id, text, updated_by, updated_at)"
                            + " VALUES (:zone, :text, :actor, :now)")
                            .bind("zone", zoneId).bind("text", trimmed).bind("actor", actor).bind("now", now)
                            .execute();
                }
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot store the notice of zone " + zoneId + ": " + e.getMessage(), e);
        }
        return new ZoneNotice(zoneId, trimmed, actor, now);
    }
}
