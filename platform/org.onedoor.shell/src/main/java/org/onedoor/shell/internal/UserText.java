package org.onedoor.shell.internal;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;

/** Reading roles from console arguments, printing a user, and making passwords for the user commands. */
final class UserText {

    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserText() {
    }

    static Set<HallRole> roles(List<String> names) {
        Set<HallRole> roles = EnumSet.noneOf(HallRole.class);
        for (String n : names == null ? List.<String>of() : names) {
            roles.add(HallRole.byId(n).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + n
                    + "'. Roles: admin, operator, technician, department, clerk, approver, supervisor, kiosk, viewer.")));
        }
        return roles;
    }

    static String line(HallUser u) {
        return u.name() + "  roles: " + roles(u) + u.department().map(d -> "  department: " + d).orElse("")
                + (u.disabled() ? "  (disabled)" : "");
    }

    static String roles(HallUser u) {
        return u.roles().isEmpty() ? "-" : u.roles().stream().map(HallRole::id).sorted().collect(Collectors.joining(","));
    }

    static Optional<String> department(String department) {
        return Optional.ofNullable(department);
    }

    /** @return a random 20-character password without look-alike characters */
    static String newPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return b.toString();
    }
}
