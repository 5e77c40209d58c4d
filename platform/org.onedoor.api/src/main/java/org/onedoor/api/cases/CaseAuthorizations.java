package org.onedoor.api.cases;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Authorization letters (R6); offered by the core. Blocking. A department user writes and revokes
 * only its own department's letters (FORBIDDEN otherwise); admins and operators any. A letter to a
 * registered staff member ({@link #file(LetterRequest, CaseActor)}) is in force once the hall took it
 * on file ({@link #fileWithHall}) and within its validity period; an expired one stops on-the-spot
 * sign-off.
 */
@ProviderType
public interface CaseAuthorizations {

    /**
     * Files a letter to a user name, of before the staff registry: in force at once, until revoked.
     * Every matter must belong to the department (INVALID otherwise).
     */
    AuthorizationLetter file(String departmentId, String staff, Set<String> matterCodes, CaseActor actor);

    /** Revokes a letter. */
    AuthorizationLetter revoke(long id, CaseActor actor);

    /** @return the department's letters (all departments when empty), revoked ones included, newest first */
    List<AuthorizationLetter> letters(String departmentId);

    /** @return true when a letter in force lets the staff member sign off the matter */
    boolean authorized(String staff, String matterCode);

    /**
     * The department writes a letter to one of its active staff members, of the kind of the member's post,
     * for a validity period; in force only once the hall takes it on file. A section chief's letter is
     * refused (CONFLICT {@code duties-kept-apart}, R17) for a member holding the supervision duty of a
     * matter it covers.
     *
     * @since 1.8.0
     */
    AuthorizationLetter file(LetterRequest request, CaseActor actor);

    /**
     * The hall (admin, operator, supervisor) takes a letter on file; from then on it is in force within its period.
     *
     * @since 1.8.0
     */
    AuthorizationLetter fileWithHall(long id, CaseActor actor);

    /**
     * @return the best standing among the letters to the user covering the matter, on the hall's day today
     * @since 1.8.0
     */
    LetterStanding standing(String staff, String matterCode);
}
