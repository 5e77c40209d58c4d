package org.onedoor.core.internal.user;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the users of Karaf's {@code etc/users.properties} ({@code user = password,role-or-group,...};
 * groups are {@code _g_\:name = group,role,...}) for their move into the hall database, and writes the
 * file back with only the first-start {@code admin} and the group lines.
 */
final class UsersFile {

    /** The user bin/karaf adds on the first start; it stays in the file. */
    static final String FIRST_ADMIN = "admin";
    static final String GROUP_PREFIX = "_g_:";
    static final String CRYPT = "{CRYPT}";

    private UsersFile() {
    }

    /**
     * @param text    the file's text
     * @param hashing hashes a password the file still holds in clear (Karaf hashes clear passwords only a while after a start)
     * @return the users with their realm roles, groups resolved; a {@code dept:<id>} role becomes the department,
     *         a {@code disabled} role the disabled flag
     */
    static List<StoredUser> users(String text, Pbkdf2Hash hashing) {
        Properties lines = new Properties();
        try {
            lines.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the users file: " + e.getMessage(), e);
        }
        List<StoredUser> users = new ArrayList<>();
        for (String name : lines.stringPropertyNames().stream().sorted().toList()) {
            if (name.startsWith(GROUP_PREFIX) || name.startsWith("_g_")) {
                continue;
            }
            String[] parts = lines.getProperty(name).split(",");
            Set<String> roles = new HashSet<>();
            Optional<String> department = Optional.empty();
            for (int i = 1; i < parts.length; i++) {
                String entry = parts[i].trim();
                if (entry.startsWith(GROUP_PREFIX)) {
                    roles.addAll(groupRoles(lines, entry));
                } else if (entry.startsWith(RoleGroups.DEPARTMENT_PREFIX)) {
                    department = Optional.of(entry.substring(RoleGroups.DEPARTMENT_PREFIX.length()));
                } else if (!entry.isEmpty()) {
                    roles.add(entry);
                }
            }
            boolean disabled = roles.remove(RoleGroups.DISABLED);
            users.add(new StoredUser(name, hash(parts[0].trim(), hashing), department, disabled, roles));
        }
        return users;
    }

    /** @return the file's text without the user lines of {@code moved}, the first-start admin kept */
    static String withoutMoved(String text, Set<String> moved) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            int eq = t.indexOf('=');
            boolean userLine = !t.isEmpty() && !t.startsWith("#") && !t.startsWith("!") && eq > 0;
            String name = userLine ? t.substring(0, eq).strip() : "";
            if (userLine && !name.equals(FIRST_ADMIN) && moved.contains(name)) {
                continue;
            }
            kept.append(line).append('\n');
        }
        return kept.substring(0, kept.length() - 1);
    }

    /**
     * @param hashes the hash of each user's password (as {@link #users} gave it)
     * @return the file's text with each clear password of those users replaced by its {@code {CRYPT}} hash, so the
     *         first-start admin's password does not stay readable (Karaf's module, which hashed it, no longer reads the file)
     */
    static String withClearPasswordsHashed(String text, Map<String, String> hashes) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            int eq = t.indexOf('=');
            String name = eq > 0 && !t.startsWith("#") && !t.startsWith("!") ? t.substring(0, eq).strip() : "";
            String hash = hashes.get(name);
            if (hash != null && !name.startsWith("_g_")) {
                String value = t.substring(eq + 1).strip();
                int comma = value.indexOf(',');
                String password = comma < 0 ? value : value.substring(0, comma);
                if (!(password.startsWith(CRYPT) && password.endsWith(CRYPT))) {
                    line = name + " = " + CRYPT + hash + CRYPT + (comma < 0 ? "" : value.substring(comma));
                }
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static Set<String> groupRoles(Properties lines, String group) {
        Set<String> roles = new HashSet<>();
        String definition = lines.getProperty(group);
        if (definition != null) {
            String[] parts = definition.split(",");
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    roles.add(parts[i].trim());
                }
            }
        }
        return roles;
    }

    private static String hash(String stored, Pbkdf2Hash hashing) {
        if (stored.startsWith(CRYPT) && stored.endsWith(CRYPT) && stored.length() >= 2 * CRYPT.length()) {
            return stored.substring(CRYPT.length(), stored.length() - CRYPT.length());
        }
        return hashing.hash(stored);
    }
}
