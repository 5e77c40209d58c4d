package org.onedoor.api.queue;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A request to book an appointment for a person.
 *
 * @param zoneId         the zone; empty when the matter names it
 * @param matterCode     a matter of the hall's catalog, empty for none (then the zone is needed)
 * @param day            the hall day
 * @param slot           the start of one of the configured slots, e.g. 09:30
 * @param phone          the person's mobile number, 11 digits (it identifies the booking with the code)
 * @param idNumber       the person's ID number, optional (empty); only its masked form is kept
 * @param language       the language of its text messages, {@code zh} (empty) or {@code en}
 * @param idempotencyKey a client key: the same key returns the same booking; empty for none
 */
public record BookingRequest(String zoneId, String matterCode, LocalDate day, LocalTime slot, String phone, String idNumber,
        String language, String idempotencyKey) {

    public BookingRequest {
        zoneId = zoneId == null ? "" : zoneId.trim();
        matterCode = matterCode == null ? "" : matterCode.trim();
        phone = phone == null ? "" : phone.trim();
        idNumber = idNumber == null ? "" : idNumber.trim();
        language = language == null ? "" : language.trim();
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.trim();
    }
}
