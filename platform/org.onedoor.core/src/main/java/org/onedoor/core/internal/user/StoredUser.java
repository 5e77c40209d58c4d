package org.onedoor.core.internal.user;

import java.util.Optional;
import java.util.Set;

/**
 * A user as the hall database keeps it (tables {@code hall_user}, {@code hall_user_role}).
 *
 * @param name         the sign-in name
 * @param passwordHash the {@link Pbkdf2Hash} of the password
 * @param department   the department a department user or approver acts for
 * @param disabled     true when the user may not sign in
 * @param realmRoles   the roles the user holds in the realm, e.g. {@code operator}, {@code viewer}, {@code ssh}
 */
record StoredUser(String name, String passwordHash, Optional<String> department, boolean disabled, Set<String> realmRoles) {

    StoredUser {
        realmRoles = Set.copyOf(realmRoles);
    }
}
