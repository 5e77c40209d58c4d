package org.onedoor.web.internal;

import java.util.Set;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;

/**
 * Decides whether a caller may act on a department's things: admins and operators on every
 * department, a department user only on its own.
 */
final class DepartmentScope {

    static final Set<String> HALL_WIDE = Set.of("admin", "operator");

    private DepartmentScope() {
    }

    /** @return true when the principal acts for the whole hall, not one department */
    static boolean hallWide(HallPrincipal principal) {
        return principal.holdsAny(HALL_WIDE);
    }

    /** @return true when the principal may act on the department's things */
    static boolean allows(HallPrincipal principal, String departmentId) {
        return hallWide(principal) || principal.department().map(departmentId::equals).orElse(false);
    }

    /**
     * Refuses with 403 unless the principal may act on every one of the departments; a
     * department user must name at least one (its own).
     */
    static void require(HallPrincipal principal, Set<String> departments) {
        if (hallWide(principal)) {
            return;
        }
        String own = principal.department().orElseThrow(() -> new ProblemException(403, "out-of-department", "Forbidden",
                "user '" + principal.user() + "' acts for no department"));
        if (departments.isEmpty() || !departments.equals(Set.of(own))) {
            throw new ProblemException(403, "out-of-department", "Forbidden", "user '" + principal.user()
                    + "' acts only for department " + own + ", not for " + (departments.isEmpty() ? "an unnamed department" : String.join(", ", departments.stream().sorted().toList())));
        }
    }
}
