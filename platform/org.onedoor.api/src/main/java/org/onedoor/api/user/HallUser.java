package org.onedoor.api.user;

import java.util.Optional;
import java.util.Set;

/**
 * A hall user as the user realm knows it.
 *
 * @param name       the sign-in name
 * @param roles      the OneDoor roles the user holds (empty for a disabled user)
 * @param department the department a {@link HallRole#DEPARTMENT} user or a department's {@link HallRole#APPROVER} acts for, e.g. {@code A17}
 * @param disabled   true when the user was disabled and cannot sign in
 */
public record HallUser(String name, Set<HallRole> roles, Optional<String> department, boolean disabled) {

    public HallUser {
        roles = Set.copyOf(roles);
    }

    /** @return true when the user holds at least one of the roles */
    public boolean holdsAny(Set<HallRole> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
