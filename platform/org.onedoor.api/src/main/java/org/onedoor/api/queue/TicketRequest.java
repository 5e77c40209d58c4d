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
 * @param kiosk          the kiosk that asks ({@link #validKiosk}: 1-63 lower-case letters, digits or '-'), empty when
 *                       not a kiosk; its ticket prints on that kiosk's printer (since 1.7)
 */
public record TicketRequest(String zoneId, String category, String matterCode, TicketPriority priority,
        String greenReason, String appointmentId, String idempotencyKey, String kiosk) {

    private static final java.util.regex.Pattern KIOSK = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** A request that names no kiosk. */
    public TicketRequest(String zoneId, String category, String matterCode, TicketPriority priority,
            String greenReason, String appointmentId, String idempotencyKey) {
        this(zoneId, category, matterCode, priority, greenReason, appointmentId, idempotencyKey, "");
    }

    /**
     * @param kiosk a kiosk id
     * @return whether it is 1-63 lower-case letters, digits or '-', starting with a letter or digit
     * @since 1.7
     */
    public static boolean validKiosk(String kiosk) {
        return kiosk != null && KIOSK.matcher(kiosk).matches();
    }

    /** Normalises nulls to empty; a kiosk id that is not {@link #validKiosk valid} throws {@link IllegalArgumentException}. */
    public TicketRequest {
        kiosk = kiosk == null ? "" : kiosk.strip();
        if (!kiosk.isEmpty() && !validKiosk(kiosk)) {
            throw new IllegalArgumentException("kiosk '" + kiosk + "' must be 1-63 lower-case letters, digits or '-'");
        }
        category = category == null ? "" : category.trim();
        matterCode = matterCode == null ? "" : matterCode.trim();
        priority = priority == null ? TicketPriority.NORMAL : priority;
        greenReason = greenReason == null ? "" : greenReason.trim();
        appointmentId = appointmentId == null ? "" : appointmentId.trim();
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.trim();
    }
}
