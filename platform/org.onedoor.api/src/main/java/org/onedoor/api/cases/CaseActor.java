package org.onedoor.api.cases;

import java.util.Optional;
import java.util.Set;
import org.onedoor.api.session.HallPrincipal;

/**
 * Who acts on a case and from where, for authorization and the audit trail.
 *
 * @param principal the authenticated user, roles and department
 * @param origin    where from: {@code window:97}, {@code node:<id>} or {@code console}
 */
public record CaseActor(HallPrincipal principal, String origin) {

    /** @return the acting user's name */
    public String user() {
        return principal.user();
    }

    /** @return true when the actor holds one of the roles */
    public boolean holdsAny(String... roles) {
        return principal.holdsAny(Set.of(roles));
    }

    /** @return the department the actor acts for, if any */
    public Optional<String> department() {
        return principal.department();
    }
}
