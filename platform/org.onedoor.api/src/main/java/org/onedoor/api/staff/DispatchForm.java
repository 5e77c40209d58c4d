package org.onedoor.api.staff;

import java.time.Instant;
import java.util.Optional;

/**
 * A dispatch or withdrawal form: the unit's sign-off when filed, the hall's when decided.
 *
 * @param id            the form's id
 * @param kind          dispatch or withdrawal
 * @param staffId       the staff record it is about
 * @param unitId        the unit that filed it
 * @param reason        why, as the unit wrote it
 * @param filedBy       the unit's user who signed it
 * @param filedAt       when
 * @param state         where it stands
 * @param decidedBy     the hall's user who approved or refused it
 * @param decidedAt     when
 * @param decision      the hall's note (the reason of a refusal), or empty
 * @param hallAgreement the recorded agreement of the hall that lets a section chief or chief representative go within two years of dispatch (R15), e.g. its document number
 */
public record DispatchForm(long id, FormKind kind, long staffId, String unitId, String reason, String filedBy, Instant filedAt,
        FormState state, Optional<String> decidedBy, Optional<Instant> decidedAt, String decision, Optional<String> hallAgreement) {
}
