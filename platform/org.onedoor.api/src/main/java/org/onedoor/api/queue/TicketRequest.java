package org.onedoor.api.queue;

/**
 * A kiosk's (or an operator's) request for a ticket.
 *
 * @param zoneId         the zone to queue in
 * @param category       a matter category, empty if none
 * @param matterCode     a matter code, empty if none
 * @param priority       NORMAL, GREEN (with a reason) or APPOINTMENT (with an appointment id)
 * @param greenReason    for GREEN: one of the configured green-channel groups, e.g. {@code ELDERLY}
 * @param appointmentId  for APPOINTMENT: the checked-in appointment
 * @param idempotencyKey a client key: the same key returns the same ticket; empty for none
 */
public record TicketRequest(String zoneId, String category, String matterCode, TicketPriority priority,
        String greenReason, String appointmentId, String idempotencyKey) {

    public TicketRequest {
        category = category == null ? "" : category.trim();
        matterCode = matterCode == null ? "" : matterCode.trim();
        priority = priority == null ? TicketPriority.NORMAL : priority;
        greenReason = greenReason == null ? "" : greenReason.trim();
        appointmentId = appointmentId == null ? "" : appointmentId.trim();
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.trim();
    }
}
