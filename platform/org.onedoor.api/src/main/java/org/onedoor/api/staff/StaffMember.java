package org.onedoor.api.staff;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person working in the hall, linked to the hall user it signs in with.
 *
 * @param id           the registry's id of the record
 * @param staffNumber  the hall staff number, issued in one numbering when the hall approves the dispatch, e.g. {@code ZW00017}
 * @param realName     the person's real name
 * @param unitId       the unit (department) that dispatched the person, e.g. {@code A17}
 * @param post         the post
 * @param userName     the hall user the person signs in with
 * @param state        where the record stands
 * @param dispatchedOn the hall day the dispatch took effect
 * @param withdrawnOn  the hall day the withdrawal (or replacement) took effect
 * @param hasPhoto     true when a photo is kept for the name plate
 * @param trained      true when a passed pre-job training is recorded (R16)
 */
public record StaffMember(long id, Optional<String> staffNumber, String realName, String unitId, Post post, String userName,
        StaffState state, Optional<LocalDate> dispatchedOn, Optional<LocalDate> withdrawnOn, boolean hasPhoto, boolean trained) {
}
