package org.onedoor.device.internal.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.OutboxState;
import org.onedoor.store.HallDatabase;

/** The device outbox in the store (table {@code device_outbox}); every call is one short transaction. */
public final class JdbcOutbox {

    private static final String COLUMNS = "id, device_id, command_type, payload, state, attempts, created_at, finished_at, note";
    private static final int NOTE_MAX = 1000;

    private final HallDatabase database;

    public JdbcOutbox(HallDatabase database) {
        this.database = database;
    }

    public OutboxEntry append(String deviceId, DeviceCommand command) {
        return append(deviceId, command, null).entry();
    }

    /**
     * Writes a command; with a key, only when no entry of the device has that key yet.
     *
     * @param key the command's key, or null for none
     * @return the entry written now, or the earlier one with the same key
     */
    public Appended append(String deviceId, DeviceCommand command, String key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            long id = database.withHandle(h -> h.createUpdate("INSERT INTO device_outbox "
                    + "(device_id, command_type, payload, state, attempts, created_at, note, command_key)"
                    + " VALUES (:device, :type, :payload, 'PENDING', 0, :now, '', :key)")
                    .bind("device", deviceId).bind("type", CommandCodec.type(command)).bind("payload", CommandCodec.payload(command))
                    .bind("now", Timestamp.from(now)).bind("key", key)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return new Appended(new OutboxEntry(id, deviceId, command, OutboxState.PENDING, 0, now, null, ""), true);
        } catch (IllegalStateException e) {
            if (key != null && uniqueViolation(e)) {
                Optional<OutboxEntry> earlier = byKey(deviceId, key);
                if (earlier.isPresent()) {
                    return new Appended(earlier.get(), false);
                }
            }
            throw new IllegalStateException("cannot write to the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    private static boolean uniqueViolation(IllegalStateException e) {
        return e.getCause() instanceof SQLException sql && HallDatabase.UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /** @return the device's entry with this key */
    public Optional<OutboxEntry> byKey(String deviceId, String key) {
        return read(deviceId, "SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = :device AND command_key = :key", key)
                .stream().findFirst();
    }

    /** @return the device's entry of that number */
    public Optional<OutboxEntry> byId(String deviceId, long id) {
        return read(deviceId, "SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = :device AND id = :key", id)
                .stream().findFirst();
    }

    /** An entry and whether this call wrote it. */
    public record Appended(OutboxEntry entry, boolean created) {
    }

    /** @return the device's first pending command, in delivery order */
    public Optional<OutboxEntry> next(String deviceId) {
        return read(deviceId, "SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = :device AND state = 'PENDING'"
                + " ORDER BY id FETCH FIRST 1 ROWS ONLY", null).stream().findFirst();
    }

    public long pending(String deviceId) {
        try {
            return database.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM device_outbox WHERE device_id = :device AND state = 'PENDING'")
                    .bind("device", deviceId).mapTo(Long.class).one());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    /** @return pending entries in delivery order, then the latest finished ones, at most {@code limit} in all */
    public List<OutboxEntry> list(String deviceId, int limit) {
        List<OutboxEntry> out = new ArrayList<>(read(deviceId, "SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = :device"
                + " AND state = 'PENDING' ORDER BY id FETCH FIRST :key ROWS ONLY", limit));
        if (out.size() < limit) {
            out.addAll(read(deviceId, "SELECT " + COLUMNS + " FROM device_outbox WHERE device_id = :device AND state <> 'PENDING'"
                    + " ORDER BY id DESC FETCH FIRST :key ROWS ONLY", limit - out.size()));
        }
        return out;
    }

    public void attempted(long id, String note) {
        update("UPDATE device_outbox SET attempts = attempts + 1, note = :note WHERE id = :id AND state = 'PENDING'", id, note, null);
    }

    public void finished(long id, OutboxState state, String note) {
        update("UPDATE device_outbox SET state = :state, finished_at = :at, attempts = attempts + 1, note = :note"
                + " WHERE id = :id AND state = 'PENDING'", id, note, state);
    }

    private void update(String sql, long id, String note, OutboxState state) {
        String trimmed = note.length() > NOTE_MAX ? note.substring(0, NOTE_MAX) : note;
        try {
            database.withHandle(h -> {
                var update = h.createUpdate(sql).bind("note", trimmed).bind("id", id);
                if (state != null) {
                    update.bind("state", state.name()).bind("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
                }
                return update.execute();
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot update outbox entry " + id + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query of the device's entries; {@code key} binds {@code :key} when the query names it. */
    private List<OutboxEntry> read(String deviceId, String sql, Object key) {
        try {
            return database.withHandle(h -> {
                var query = h.createQuery(sql).bind("device", deviceId);
                if (key != null) {
                    query.bindByType("key", key, key.getClass());
                }
                return query.map(JdbcOutbox::entry).list();
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the outbox of device " + deviceId + ": " + e.getMessage(), e);
        }
    }

    private static OutboxEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new OutboxEntry(rs.getLong("id"), rs.getString("device_id"),
                CommandCodec.decode(rs.getString("command_type"), rs.getString("payload")),
                OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("note"));
    }
}
