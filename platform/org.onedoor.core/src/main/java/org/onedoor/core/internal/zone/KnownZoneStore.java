package org.onedoor.core.internal.zone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.ZoneState;
import org.onedoor.api.zone.ZoneStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers in the store which zones the node has seen (table {@code zone_known}). */
final class KnownZoneStore {

    private static final Logger LOG = LoggerFactory.getLogger(KnownZoneStore.class);

    private final DataSource dataSource;

    KnownZoneStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return every remembered zone, as disabled (the caller knows which are open now) */
    List<ZoneStatus> loadAll() {
        List<ZoneStatus> zones = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT zone_id, descriptor, last_opened, last_closed FROM zone_known");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    ZoneDescriptor d = ZoneDescriptorCodec.read(rs.getString(2), "zone_known/" + rs.getString(1));
                    Timestamp closed = rs.getTimestamp(4);
                    Instant since = (closed != null ? closed : rs.getTimestamp(3)).toInstant();
                    zones.add(new ZoneStatus(d, ZoneState.DISABLED, since));
                } catch (RuntimeException e) {
                    LOG.warn("Skipping unreadable remembered zone {}: {}", rs.getString(1), e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the remembered zones: " + e.getMessage(), e);
        }
        return zones;
    }

    void opened(ZoneDescriptor descriptor) {
        Timestamp now = Timestamp.from(Instant.now());
        String json = ZoneDescriptorCodec.write(descriptor);
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE zone_known SET descriptor = ?, last_opened = ?, last_closed = NULL WHERE zone_id = ?")) {
                ps.setString(1, json);
                ps.setTimestamp(2, now);
                ps.setString(3, descriptor.id());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO zone_known (zone_id, descriptor, first_seen, last_opened) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, descriptor.id());
                    ps.setString(2, json);
                    ps.setTimestamp(3, now);
                    ps.setTimestamp(4, now);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            LOG.error("Could not remember zone {} in the store: {}", descriptor.id(), e.getMessage());
        }
    }

    void closed(String zoneId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE zone_known SET last_closed = ? WHERE zone_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, zoneId);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.error("Could not record that zone {} closed: {}", zoneId, e.getMessage());
        }
    }
}
