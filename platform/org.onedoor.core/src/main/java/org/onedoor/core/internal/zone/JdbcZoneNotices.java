package org.onedoor.core.internal.zone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneNotice;
import org.onedoor.api.zone.ZoneNotices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Zone notices kept in the store (table {@code zone_notice}); they outlive the zone's bundle. */
@Component(service = ZoneNotices.class)
public final class JdbcZoneNotices implements ZoneNotices {

    private final DataSource dataSource;
    private final ZoneDirectory zones;

    @Activate
    public JdbcZoneNotices(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource,
            @Reference ZoneDirectory zones) {
        this.dataSource = dataSource;
        this.zones = zones;
    }

    @Override
    public Optional<ZoneNotice> notice(String zoneId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT text, updated_by, updated_at FROM zone_notice WHERE zone_id = ?")) {
            ps.setString(1, zoneId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ZoneNotice(zoneId, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
            }
        } catch (SQLException e) {
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE zone_notice SET text = ?, updated_by = ?, updated_at = ? WHERE zone_id = ?")) {
                    ps.setString(1, trimmed);
                    ps.setString(2, actor);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setString(4, zoneId);
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO zone_notice (zone_id, text, updated_by, updated_at) VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, zoneId);
                        ps.setString(2, trimmed);
                        ps.setString(3, actor);
                        ps.setTimestamp(4, Timestamp.from(now));
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the notice of zone " + zoneId + ": " + e.getMessage(), e);
        }
        return new ZoneNotice(zoneId, trimmed, actor, now);
    }
}
