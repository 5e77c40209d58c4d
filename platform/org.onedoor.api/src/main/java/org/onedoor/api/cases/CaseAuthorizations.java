package org.onedoor.api.cases;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Authorization letters (R6); offered by the core. Blocking. A department user files and revokes
 * only its own department's letters (FORBIDDEN otherwise); admins and operators any.
 */
@ProviderType
public interface CaseAuthorizations {

    /** Files a letter; every matter must belong to the department (INVALID otherwise). */
    AuthorizationLetter file(String departmentId, String staff, Set<String> matterCodes, CaseActor actor);

    /** Revokes a letter. */
    AuthorizationLetter revoke(long id, CaseActor actor);

    /** @return the department's letters (all departments when empty), revoked ones included, newest first */
    List<AuthorizationLetter> letters(String departmentId);

    /** @return true when a letter in force lets the staff member sign off the matter */
    boolean authorized(String staff, String matterCode);
}
