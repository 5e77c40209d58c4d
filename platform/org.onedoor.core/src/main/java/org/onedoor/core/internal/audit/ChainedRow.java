package org.onedoor.core.internal.audit;

import java.time.LocalDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.audit.AuditEvent;

/**
 * One row of {@code audit_record} as the chain sees it.
 *
 * @param id       the record's id
 * @param at       its time as stored in the column (local date-time of the writing node's zone)
 * @param node     the node that wrote it, or {@code ""}
 * @param event    its fields
 * @param prevHash the previous record's hash it links to; null before the record was chained
 * @param hash     its own stored hash; null before the record was chained
 */
record ChainedRow(long id, LocalDateTime at, String node, AuditEvent event, String prevHash, String hash) {

    static final String COLUMNS = "id, at, node, action, actor, origin, target, outcome, detail, prev_hash, record_hash";

    /** Maps a row of a query that selected {@link #COLUMNS}, by column name. */
    static final RowMapper<ChainedRow> MAPPER = (rs, ctx) -> new ChainedRow(rs.getLong("id"),
            AuditHash.millis(rs.getObject("at", LocalDateTime.class)), rs.getString("node"),
            new AuditEvent(rs.getString("action"), rs.getString("actor"), rs.getString("origin"), rs.getString("target"),
                    rs.getString("outcome"), rs.getString("detail")),
            rs.getString("prev_hash"), rs.getString("record_hash"));

    /** Inserts this row into {@code audit_record} in the handle's transaction. */
    void insert(Handle h) {
        h.createUpdate("INSERT INTO audit_record (" + COLUMNS + ") VALUES (:id, :at, :node, :action, :actor, :origin, :target,"
                + " :outcome, :detail, :prev, :hash)")
                .bind("id", id).bind("at", at).bind("node", node).bind("action", event.action()).bind("actor", event.actor())
                .bind("origin", event.origin()).bind("target", event.target()).bind("outcome", event.outcome())
                .bind("detail", event.detail()).bind("prev", prevHash).bind("hash", hash)
                .execute();
    }

    /** @return this row linked to {@code prev} and hashed */
    ChainedRow chainedTo(String prev) {
        ChainedRow linked = new ChainedRow(id, at, node, event, prev, null);
        return new ChainedRow(id, at, node, event, prev, AuditHash.of(linked));
    }
}
