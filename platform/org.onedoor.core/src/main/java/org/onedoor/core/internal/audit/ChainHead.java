package org.onedoor.core.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of the audit chain (the row {@code hall} of {@code audit_chain}): the last chained
 * record's id and hash.
 *
 * @param lastId   the last chained record's id, 0 before the first
 * @param lastHash its hash, {@link AuditHash#GENESIS} before the first
 */
record ChainHead(long lastId, String lastHash) {

    /** @return the head, locked until the connection's transaction ends */
    static ChainHead lock(Connection c) throws SQLException {
        return read(c, " FOR UPDATE");
    }

    /** @return the head as last committed, without locking it */
    static ChainHead peek(Connection c) throws SQLException {
        return read(c, "");
    }

    private static ChainHead read(Connection c, String suffix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM audit_chain WHERE chain = 'hall'" + suffix);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain's head row is missing from audit_chain");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        }
    }

    /** Moves the head to {@code row}; call with the head locked. */
    static ChainHead moveTo(Connection c, ChainedRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain SET last_id = ?, last_hash = ? WHERE chain = 'hall'")) {
            ps.setLong(1, row.id());
            ps.setString(2, row.hash());
            ps.executeUpdate();
        }
        return new ChainHead(row.id(), row.hash());
    }

    /**
     * Chains the records beyond the head that have no hash yet (written before the trail became a
     * chain), in id order, and moves the head past them; call with the head locked.
     *
     * @return the head after them, and the id the next record must take
     */
    CatchUp catchUp(Connection c) throws SQLException {
        List<ChainedRow> beyond = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChainedRow.COLUMNS + " FROM audit_record WHERE id > ? ORDER BY id")) {
            ps.setLong(1, lastId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    beyond.add(ChainedRow.read(rs));
                }
            }
        }
        ChainHead head = this;
        long maxId = lastId;
        int chained = 0;
        for (ChainedRow row : beyond) {
            maxId = Math.max(maxId, row.id());
            if (row.hash() != null) {
                continue; // a hashed record beyond the head was not appended by the chain: left as it is, verify reports it
            }
            ChainedRow linked = row.chainedTo(head.lastHash);
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE audit_record SET prev_hash = ?, record_hash = ? WHERE id = ? AND record_hash IS NULL")) {
                up.setString(1, linked.prevHash());
                up.setString(2, linked.hash());
                up.setLong(3, linked.id());
                up.executeUpdate();
            }
            head = moveTo(c, linked);
            chained++;
        }
        return new CatchUp(head, maxId + 1, chained);
    }

    /** The head after a catch-up, the next free id and how many records were chained. */
    record CatchUp(ChainHead head, long nextId, int chained) {
    }
}
