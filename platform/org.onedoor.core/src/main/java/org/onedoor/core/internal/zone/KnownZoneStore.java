package org.onedoor.core.internal.zone;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.ZoneState;
import org.onedoor.api.zone.ZoneStatus;
import org.onedoor.store.HallDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers in the store which zones the node has seen (table {@code zone_known}). */
final class KnownZoneStore {

    private static final Logger LOG = LoggerFactory.getLogger(KnownZoneStore.class);

    /** A remembered zone as stored: its descriptor's JSON and when it was last open. */
    private record Remembered(String zoneId, String descriptor, Instant since) {
    }

    private final HallDatabase database;

    KnownZoneStore(HallDatabase database) {
        this.database = database;
    }

    /** @return every remembered zone, as disabled (the caller knows which are open now) */
    List<ZoneStatus> loadAll() {
        List<Remembered> rows;
        try {
            rows = database.withHandle(h -> h.createQuery("SELECT zone_id, descriptor, last_opened, last_closed FROM zone_known")
                    .map((rs, ctx) -> {
                        Timestamp closed = rs.getTimestamp("last_closed");
                        Timestamp since = closed != null ? closed : rs.getTimestamp("last_opened");
                        return new Remembered(rs.getString("zone_id"), rs.getString("descriptor"), since.toInstant());
                    })
                    .list());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the remembered zones: " + e.getMessage(), e);
        }
        List<ZoneStatus> zones = new ArrayList<>();
        for (Remembered row : rows) {
            try {
                ZoneDescriptor d = ZoneDescriptorCodec.read(row.descriptor(), "zone_known/" + row.zoneId());
                zones.add(new ZoneStatus(d, ZoneState.DISABLED, row.since()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping unreadable remembered zone {}: {}", row.zoneId(), e.getMessage());
            }
        }
        return zones;
    }

    void opened(ZoneDescriptor descriptor) {
        Instant now = Instant.now();
        String json = ZoneDescriptorCodec.write(descriptor);
        try {
            database.useTransaction(h -> {
                int updated = h.createUpdate(
                        "UPDATE zone_known SET descriptor = :descriptor, last_opened = :now, last_closed = NULL WHERE zone_id = :zone")
                        .bind("descriptor", json).bind("now", now).bind("zone", ZoneRegistry.key(descriptor))
                        .execute();
                if (updated == 0) {
                    h.createUpdate("INSERT INTO zone_known (zone_id, descriptor, first_seen, last_opened)"
                            + " VALUES (:zone, :descriptor, :now, :now)")
                            .bind("zone", ZoneRegistry.key(descriptor)).bind("descriptor", json).bind("now", now)
                            .execute();
                }
            });
        } catch (IllegalStateException e) {
            LOG.error("Could not remember zone {} in the store: {}", descriptor.id(), e.getMessage());
        }
    }

    void closed(String zoneId) {
        try {
            database.withHandle(h -> h.createUpdate("UPDATE zone_known SET last_closed = :now WHERE zone_id = :zone")
                    .bind("now", Instant.now()).bind("zone", zoneId)
                    .execute());
        } catch (IllegalStateException e) {
            LOG.error("Could not record that zone {} closed: {}", zoneId, e.getMessage());
        }
    }
}
