package org.onedoor.api.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Manages the hall's users in the node's user realm (the same users the console signs in with);
 * passwords are stored only as slow salted hashes.
 *
 * <p>Every method blocks (it reads or writes the realm and hashes passwords); call it off the
 * event loop. Refusals are {@link UserAdminException}s. A password must be 12 to 128 characters
 * without {@code ,} or {@code \}; a name is 2 to 32 of {@code a-z 0-9 . _ -}, starting with a letter.
 */
@ProviderType
public interface HallUsers {

    /** @return every user, sorted by name */
    List<HallUser> users();

    /** @return the user of that name, or empty */
    Optional<HallUser> user(String name);

    /**
     * Creates a user.
     *
     * @param name       the sign-in name
     * @param password   the initial password
     * @param roles      at least one role
     * @param department the department id, required when {@code roles} holds {@link HallRole#DEPARTMENT}, allowed besides
     *                   only with {@link HallRole#APPROVER} (an approver decides that department's cases)
     * @return the new user
     */
    HallUser create(String name, String password, Set<HallRole> roles, Optional<String> department);

    /**
     * Replaces a user's roles and department and ends its sessions; enables a disabled user only together with
     * {@link #resetPassword(String, String)}.
     *
     * @return the changed user
     */
    HallUser setRoles(String name, Set<HallRole> roles, Optional<String> department);

    /**
     * Sets a new password and ends the user's sessions; a disabled user keeps no roles, so it still cannot act until given roles.
     *
     * @return the user
     */
    HallUser resetPassword(String name, String password);

    /**
     * Disables a user: its password is replaced by an unknown one, its roles are removed and its sessions ended.
     *
     * @return the disabled user
     */
    HallUser disable(String name);
}
