package org.onedoor.api.cases;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A department's written authorization (R6), filed with the hall: the named staff member may sign
 * off the listed matters on the spot at the window.
 *
 * @param id           the letter's id
 * @param departmentId the issuing department
 * @param staff        the authorized staff member's user name
 * @param matterCodes  the matters, all of the department's own
 * @param filedBy      who filed it
 * @param filedAt      when
 * @param revokedAt    when revoked, if revoked
 */
public record AuthorizationLetter(long id, String departmentId, String staff, Set<String> matterCodes, String filedBy,
        Instant filedAt, Optional<Instant> revokedAt) {

    public AuthorizationLetter {
        matterCodes = Set.copyOf(matterCodes);
    }
}
