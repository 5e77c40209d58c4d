package org.onedoor.api.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * A matters-only unit's officer called to the hall for a case (R4).
 *
 * @param id           the call's id
 * @param caseNumber   the case
 * @param departmentId the unit
 * @param officer      the unit's named officer, empty when the unit has named none
 * @param notifiedAt   when the hall notified the unit
 * @param expectedBy   when the officer must have checked in (notified + arrival minutes)
 * @param arrivedAt    when the officer checked in, if so
 */
public record OfficerCall(long id, String caseNumber, String departmentId, String officer, Instant notifiedAt,
        Instant expectedBy, Optional<Instant> arrivedAt) {

    /** @return true when the officer came after the expected time, or has not come and it is past */
    public boolean lateAt(Instant now) {
        return arrivedAt.map(a -> a.isAfter(expectedBy)).orElse(now.isAfter(expectedBy));
    }
}
