package org.onedoor.api.audit;

import java.time.Instant;

/**
 * A recorded event with its place in the trail, its time and the node that wrote it.
 *
 * @param id    ascending sequence number, without gaps for records written since the trail became a hash chain
 * @param at    when it was recorded
 * @param event what was recorded
 * @param node  the id of the hall node that wrote it; {@code ""} for records written before nodes were recorded
 */
public record AuditRecord(long id, Instant at, AuditEvent event, String node) {

    /** A record without a node, as read before nodes were recorded. */
    public AuditRecord(long id, Instant at, AuditEvent event) {
        this(id, at, event, "");
    }
}
