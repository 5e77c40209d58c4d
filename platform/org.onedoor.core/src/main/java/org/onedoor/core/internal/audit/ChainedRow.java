package org.onedoor.core.internal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
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

    /** @return the row at the cursor of a query that selected {@link #COLUMNS} */
    static ChainedRow read(ResultSet rs) throws SQLException {
        return new ChainedRow(rs.getLong(1), AuditHash.millis(rs.getObject(2, LocalDateTime.class)), rs.getString(3),
                new AuditEvent(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                rs.getString(10), rs.getString(11));
    }

    /** @return this row linked to {@code prev} and hashed */
    ChainedRow chainedTo(String prev) {
        ChainedRow linked = new ChainedRow(id, at, node, event, prev, null);
        return new ChainedRow(id, at, node, event, prev, AuditHash.of(linked));
    }
}
