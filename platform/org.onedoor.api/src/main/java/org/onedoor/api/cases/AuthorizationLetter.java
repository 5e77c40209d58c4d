package org.onedoor.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A department's written authorization (R6), filed with the hall: the named staff member may sign
 * off the listed matters on the spot at the window while the letter is valid. Letters written
 * before the staff registry (free user name, no kind, no validity) carry empty {@code kind},
 * {@code staffId} 0 and no validity, and stay in force until revoked.
 *
 * @param id           the letter's id
 * @param departmentId the issuing department
 * @param staff        the authorized staff member's user name
 * @param matterCodes  the matters, all of the department's own
 * @param filedBy      who wrote it (the department's user)
 * @param filedAt      when
 * @param revokedAt    when revoked, if revoked
 * @param kind         section chief, chief representative or window staff (since 1.6.0)
 * @param staffId      the registered staff member, 0 for a letter of before the registry (since 1.6.0)
 * @param validFrom    the first hall day it is valid (since 1.6.0)
 * @param validUntil   the last hall day it is valid (since 1.6.0)
 * @param hallFiledBy  the hall's user who took it on file (since 1.6.0)
 * @param hallFiledAt  when the hall took it on file (since 1.6.0)
 */
public record AuthorizationLetter(long id, String departmentId, String staff, Set<String> matterCodes, String filedBy,
        Instant filedAt, Optional<Instant> revokedAt, Optional<LetterKind> kind, long staffId, Optional<LocalDate> validFrom,
        Optional<LocalDate> validUntil, Optional<String> hallFiledBy, Optional<Instant> hallFiledAt) {

    public AuthorizationLetter {
        matterCodes = Set.copyOf(matterCodes);
    }

    /** A letter of before the staff registry: no kind, no registered member, no validity period. */
    public AuthorizationLetter(long id, String departmentId, String staff, Set<String> matterCodes, String filedBy, Instant filedAt,
            Optional<Instant> revokedAt) {
        this(id, departmentId, staff, matterCodes, filedBy, filedAt, revokedAt, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** @return where the letter stands on that hall day */
    public LetterStanding standingOn(LocalDate day) {
        if (revokedAt.isPresent()) {
            return LetterStanding.REVOKED;
        }
        if (kind.isEmpty()) {
            return LetterStanding.IN_FORCE;
        }
        if (hallFiledAt.isEmpty()) {
            return LetterStanding.NOT_FILED_WITH_HALL;
        }
        if (validFrom.isPresent() && day.isBefore(validFrom.get())) {
            return LetterStanding.NOT_YET_VALID;
        }
        if (validUntil.isPresent() && day.isAfter(validUntil.get())) {
            return LetterStanding.EXPIRED;
        }
        return LetterStanding.IN_FORCE;
    }
}
