package org.onedoor.device.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.OutboxState;

/** The device outbox in the store (table {@code device_outbox}); every call is one short transaction. */
final class JdbcOutbox {

    private static final String COLUMNS = "id, device_id, command_type, payload, state, attempts, created_at, finished_at, note";
    private static final int NOTE_MAX = 1000;

    private final DataSource dataSource;

    JdbcOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    OutboxEntry append(String deviceId, DeviceCommand command) {
        return append(deviceId, command, null).entry();
    }

    /**
     * Writes a command; with a key, only when no entry of the device has that key yet.
     *
     * @param key the command's key, or null for none
     * @return the entry written now, or the earlier one with the same key
     */
    Appended append(String deviceId, DeviceCommand command, String key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String payload = CommandCodec.payload(command);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO device_outbox "
                        + "(device_id, command_type, payload, state, attempts, created_at, note, command_key)"
                        + " VALUES (?, ?, ?, ?, 0, ?, '', ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, deviceId);
            ps.setString(2, CommandCodec.type(command));
            ps.setString(3, payload);
            ps.setString(4, OutboxState.PENDING.name());
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, key);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Appended(new OutboxEntry(keys.getLong(1), deviceId, command, OutboxState.PENDING, 0, now, null, ""), true);
            }
        } catch (SQLException e) {
            if (key != null && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                Optional<OutboxEntry> earlier = byKey(deviceId, key);
                if (earlier.isPresent()) {
                    return new Appended(earlier.get(), false);
                }
            }
            throw new IllegalStateException("cannot write to the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    /** @return the device's entry with this key */
    Optional<OutboxEntry> byKey(String deviceId, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = ? AND command_key = ?")) {
            ps.setString(1, deviceId);
            ps.setString(2, key);
            return read(ps).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    /** @return the device's entry of that number */
    Optional<OutboxEntry> byId(String deviceId, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = ? AND id = ?")) {
            ps.setString(1, deviceId);
            ps.setLong(2, id);
            return read(ps).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    /** An entry and whether this call wrote it. */
    record Appended(OutboxEntry entry, boolean created) {
    }

    /** @return the device's first pending command, in delivery order */
    Optional<OutboxEntry> next(String deviceId) {
        List<OutboxEntry> found = query("SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = ? AND state = 'PENDING'"
                + " ORDER BY id FETCH FIRST 1 ROWS ONLY", deviceId);
        return found.stream().findFirst();
    }

    long pending(String deviceId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM device_outbox WHERE device_id = ? AND state = 'PENDING'")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    /** @return pending entries in delivery order, then the latest finished ones, at most {@code limit} in all */
    List<OutboxEntry> list(String deviceId, int limit) {
        List<OutboxEntry> out = new ArrayList<>(query("SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = ?"
                + " AND state = 'PENDING' ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", deviceId));
        if (out.size() < limit) {
            out.addAll(query("SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = ? AND state <> 'PENDING'"
                    + " ORDER BY id DESC FETCH FIRST " + (limit - out.size()) + " ROWS ONLY", deviceId));
        }
        return out;
    }

    void attempted(long id, String note) {
        update("UPDATE device_outbox SET attempts = attempts + 1, note = ? WHERE id = ? AND state = 'PENDING'", id, note, null);
    }

    void finished(long id, OutboxState state, String note) {
        update("UPDATE device_outbox SET state = ?, finished_at = ?, attempts = attempts + 1, note = ? WHERE id = ? AND state = 'PENDING'",
                id, note, state);
    }

    private void update(String sql, long id, String note, OutboxState state) {
        String trimmed = note.length() > NOTE_MAX ? note.substring(0, NOTE_MAX) : note;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (state != null) {
                ps.setString(i++, state.name());
                ps.setTimestamp(i++, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            }
            ps.setString(i++, trimmed);
            ps.setLong(i, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update outbox entry " + id + ": " + e.getMessage(), e);
        }
    }

    private List<OutboxEntry> query(String sql, String deviceId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deviceId);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    private static List<OutboxEntry> read(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp(8);
                out.add(new OutboxEntry(rs.getLong(1), rs.getString(2), CommandCodec.decode(rs.getString(3), rs.getString(4)),
                        OutboxState.valueOf(rs.getString(5)), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                        finished == null ? null : finished.toInstant(), rs.getString(9)));
            }
        }
        return out;
    }
}
