package org.onedoor.api.queue;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A request to book an appointment.
 *
 * @param zoneId         the zone
 * @param matterCode     a matter of the hall's catalog, empty for none
 * @param day            the hall day
 * @param slot           the start of one of the configured slots, e.g. 09:30
 * @param idempotencyKey a client key: the same key returns the same appointment; empty for none
 */
public record AppointmentRequest(String zoneId, String matterCode, LocalDate day, LocalTime slot, String idempotencyKey) {

    public AppointmentRequest {
        zoneId = zoneId == null ? "" : zoneId.trim();
        matterCode = matterCode == null ? "" : matterCode.trim();
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.trim();
    }
}
