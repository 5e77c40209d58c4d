package org.onedoor.api.cases;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a department writes in an authorization letter (R6) to one of its registered staff members.
 *
 * @param departmentId the issuing department
 * @param kind         section chief, chief representative or window staff: the member's post
 * @param staffId      the registered staff member (an active record of the department)
 * @param matterCodes  the matters covered, all of the department's own
 * @param validFrom    the first hall day the letter is valid
 * @param validUntil   the last hall day the letter is valid
 */
public record LetterRequest(String departmentId, LetterKind kind, long staffId, Set<String> matterCodes, LocalDate validFrom,
        LocalDate validUntil) {

    public LetterRequest {
        matterCodes = Set.copyOf(matterCodes);
    }
}
