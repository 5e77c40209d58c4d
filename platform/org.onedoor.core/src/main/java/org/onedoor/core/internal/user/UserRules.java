package org.onedoor.core.internal.user;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.UserAdminException;
import org.onedoor.api.user.UserAdminException.Reason;

/** The rules a user name, a password and a set of roles must meet before the realm is touched. */
final class UserRules {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private UserRules() {
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new UserAdminException(Reason.INVALID,
                    "user name must be 2 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter; was '" + name + "'");
        }
    }

    static void checkPassword(String password) {
        if (password.length() < 12 || password.length() > 128) {
            throw new UserAdminException(Reason.INVALID, "password must be 12 to 128 characters long");
        }
        if (password.indexOf(',') >= 0 || password.indexOf('\\') >= 0 || password.chars().anyMatch(Character::isISOControl)) {
            throw new UserAdminException(Reason.INVALID, "password must not contain ',', '\\' or control characters");
        }
    }

    /** Checks that roles are given and that a department is named exactly for the department role. */
    static void checkRoles(Set<HallRole> roles, Optional<String> department) {
        if (roles.isEmpty()) {
            throw new UserAdminException(Reason.INVALID, "give at least one role: "
                    + String.join(", ", java.util.Arrays.stream(HallRole.values()).map(HallRole::id).toList()));
        }
        if (roles.contains(HallRole.DEPARTMENT) && department.isEmpty()) {
            throw new UserAdminException(Reason.INVALID, "the role 'department' needs the department the user acts for, e.g. A17");
        }
        if (!roles.contains(HallRole.DEPARTMENT) && !roles.contains(HallRole.APPROVER) && department.isPresent()) {
            throw new UserAdminException(Reason.INVALID, "a department is given only together with the role 'department' or 'approver'");
        }
    }
}
