package org.onedoor.core.internal.audit;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The head of the audit chain (the row {@code hall} of {@code audit_chain}): the last chained
 * record's id and hash.
 *
 * @param lastId   the last chained record's id, 0 before the first
 * @param lastHash its hash, {@link AuditHash#GENESIS} before the first
 */
record ChainHead(long lastId, String lastHash) {

    /** @return the head, locked until the handle's transaction ends */
    static ChainHead lock(Handle h) {
        return read(h, "SELECT last_id, last_hash FROM audit_chain WHERE chain = 'hall' FOR UPDATE");
    }

    /** @return the head as last committed, without locking it */
    static ChainHead peek(Handle h) {
        return read(h, "SELECT last_id, last_hash FROM audit_chain WHERE chain = 'hall'");
    }

    private static ChainHead read(Handle h, String sql) {
        return h.createQuery(sql)
                .map((rs, ctx) -> new ChainHead(rs.getLong("last_id"), rs.getString("last_hash")))
                .findOne()
                .orElseThrow(() -> new IllegalStateException("the audit chain's head row is missing from audit_chain"));
    }

    /** Moves the head to {@code row}; call with the head locked. */
    static ChainHead moveTo(Handle h, ChainedRow row) {
        h.createUpdate("UPDATE audit_chain SET last_id = :id, last_hash = :hash WHERE chain = 'hall'")
                .bind("id", row.id()).bind("hash", row.hash()).execute();
        return new ChainHead(row.id(), row.hash());
    }

    /**
     * Chains the records beyond the head that have no hash yet (written before the trail became a
     * chain), in id order, and moves the head past them; call with the head locked.
     *
     * @return the head after them, and the id the next record must take
     */
    CatchUp catchUp(Handle h) {
        List<ChainedRow> beyond = h.createQuery("SELECT " + ChainedRow.COLUMNS + " FROM audit_record WHERE id > :id ORDER BY id")
                .bind("id", lastId).map(ChainedRow.MAPPER).list();
        ChainHead head = this;
        long maxId = lastId;
        int chained = 0;
        for (ChainedRow row : beyond) {
            maxId = Math.max(maxId, row.id());
            if (row.hash() != null) {
                continue; // a hashed record beyond the head was not appended by the chain: left as it is, verify reports it
            }
            ChainedRow linked = row.chainedTo(head.lastHash);
            h.createUpdate("UPDATE audit_record SET prev_hash = :prev, record_hash = :hash WHERE id = :id AND record_hash IS NULL")
                    .bind("prev", linked.prevHash()).bind("hash", linked.hash()).bind("id", linked.id()).execute();
            head = moveTo(h, linked);
            chained++;
        }
        return new CatchUp(head, maxId + 1, chained);
    }

    /** The head after a catch-up, the next free id and how many records were chained. */
    record CatchUp(ChainHead head, long nextId, int chained) {
    }
}
