package org.onedoor.api.audit;

import java.time.Instant;

/**
 * A recorded event with its place in the trail and its time.
 *
 * @param id    ascending sequence number
 * @param at    when it was recorded
 * @param event what was recorded
 */
public record AuditRecord(long id, Instant at, AuditEvent event) {
}
