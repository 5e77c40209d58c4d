package org.onedoor.web.internal.http;

import java.util.Set;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;

/**
 * Decides whether a caller may act on a department's things: admins and operators on every
 * department, a department user only on its own.
 */
public final class DepartmentScope {

    public static final Set<String> HALL_WIDE = Set.of("admin", "operator");

    /** Roles that follow up every unit's complaints and ratings: the hall's management. */
    public static final Set<String> HALL_STAFF = Set.of("admin", "operator", "supervisor");

    private DepartmentScope() {
    }

    /** @return true when the principal acts for the whole hall, not one department */
    public static boolean hallWide(HallPrincipal principal) {
        return principal.holdsAny(HALL_WIDE);
    }

    /** @return true when the principal may act on the department's things */
    public static boolean allows(HallPrincipal principal, String departmentId) {
        return hallWide(principal) || principal.department().map(departmentId::equals).orElse(false);
    }

    /**
     * Refuses with 403 unless the principal may act on every one of the departments; a
     * department user must name at least one (its own).
     */
    public static void require(HallPrincipal principal, Set<String> departments) {
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

    /** @return true when the principal reads for one unit only, not as the hall's management */
    public static boolean unitReader(HallPrincipal principal) {
        return !principal.holdsAny(HALL_STAFF);
    }

    /**
     * The unit whose things a list or view shows: a unit's user sees its own unit only (403 when it
     * asks for another); the hall's management sees every unit ("") or the one asked for.
     *
     * @param asked the unit asked for, may be null or blank
     * @param thingsZh what is read, in Chinese, for the refusal ("投诉", "差评回访")
     */
    public static String readable(HallPrincipal principal, String asked, String thingsZh) {
        String wanted = asked == null ? "" : asked.strip().toUpperCase(java.util.Locale.ROOT);
        if (!unitReader(principal)) {
            return wanted;
        }
        String own = principal.department().orElseThrow(() -> new ProblemException(403, "out-of-department", "Forbidden",
                "用户 " + principal.user() + " 未归属任何单位 (user acts for no unit)"));
        if (!wanted.isEmpty() && !wanted.equals(own)) {
            throw new ProblemException(403, "out-of-department", "Forbidden",
                    "用户 " + principal.user() + " 只能查看本单位 " + own + " 的" + thingsZh + " (user reads unit " + own + " only)");
        }
        return own;
    }
}
