package org.onedoor.core.internal.user;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onedoor.api.user.HallRole;

/** Which realm group carries each OneDoor role, and which realm roles that group grants. */
final class RoleGroups {

    /** The realm role naming the department a user acts for: {@code dept:<id>}. */
    static final String DEPARTMENT_PREFIX = "dept:";
    /** The realm role a disabled user held in the users file. */
    static final String DISABLED = "disabled";

    private RoleGroups() {
    }

    /** @return the group name, e.g. {@code operatorgroup} */
    static String group(HallRole role) {
        return role.id() + "group";
    }

    /** @return the OneDoor roles a user given {@code asked} holds: those and the ones their groups bring (e.g. viewer with supervisor) */
    static Set<HallRole> implied(Set<HallRole> asked) {
        Set<HallRole> implied = EnumSet.noneOf(HallRole.class);
        for (HallRole a : asked) {
            implied.add(a);
            for (String r : rolesOf(a)) {
                HallRole.byId(r).ifPresent(implied::add);
            }
        }
        return implied;
    }

    /** @return the realm roles of the role's group: the role itself plus console roles where the role uses the console */
    static List<String> rolesOf(HallRole role) {
        return switch (role) {
            case ADMIN -> List.of("admin", "manager", "viewer", "systembundles", "ssh");
            case OPERATOR, TECHNICIAN -> List.of(role.id(), "viewer", "ssh");
            case VIEWER -> List.of("viewer", "ssh");
            case SUPERVISOR -> List.of("supervisor", "viewer", "ssh");
            default -> List.of(role.id());
        };
    }
}
