package org.onedoor.api.session;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller: user name, realm roles and, for a department user, its department.
 *
 * @param user       the user name
 * @param roles      every realm role the user holds (e.g. {@code operator}, {@code viewer})
 * @param department the department a department user acts for, e.g. {@code A17}
 */
public record HallPrincipal(String user, Set<String> roles, Optional<String> department) {

    public HallPrincipal {
        roles = Set.copyOf(roles);
    }

    /** @return true when the principal holds at least one of the roles */
    public boolean holdsAny(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
