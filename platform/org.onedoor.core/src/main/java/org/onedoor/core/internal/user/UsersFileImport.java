package org.onedoor.core.internal.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the users of Karaf's users file into the hall database when a node starts: each user the
 * database does not know yet is added with its password hash and roles (a user already there is
 * left as the database has it, so every node may run this at once, again at every start). The file
 * then keeps only the first-start {@code admin} (its password as a hash, never in clear) and the group lines.
 */
final class UsersFileImport {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFileImport.class);

    static final String REALM = "karaf";
    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    static final String PROXIED_MODULE_OPTION = "org.apache.karaf.jaas.module";
    static final String USERS_FILE_OPTION = "users";

    private UsersFileImport() {
    }

    /** Imports the file named by Karaf's realm; logs and goes on when there is none or it cannot be read. */
    static void run(List<JaasRealm> karafRealms, HallUserStore store, Pbkdf2Hash hashing) {
        Path file = usersFile(karafRealms);
        if (file == null || !Files.isRegularFile(file)) {
            LOG.info("No users file to move into the hall database ({})", file);
            return;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Set<String> moved = new HashSet<>();
            Map<String, String> hashes = new HashMap<>();
            for (StoredUser user : UsersFile.users(text, hashing)) {
                hashes.put(user.name(), user.passwordHash());
                if (store.insert(user)) {
                    LOG.info("User {} moved from {} into the hall database", user.name(), file);
                }
                moved.add(user.name());
            }
            String kept = UsersFile.withClearPasswordsHashed(UsersFile.withoutMoved(text, moved), hashes);
            if (!kept.equals(text)) {
                Path next = file.resolveSibling(file.getFileName() + ".next");
                Files.writeString(next, kept, StandardCharsets.UTF_8);
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot move the users of {} into the hall database: {}", file, e.toString());
        }
    }

    /** @return the users file of the properties module of Karaf's realm {@code karaf}, or null */
    static Path usersFile(List<JaasRealm> karafRealms) {
        for (JaasRealm realm : karafRealms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                Object users = entry.getOptions().get(USERS_FILE_OPTION);
                if (isPropertiesModule(entry) && users != null) {
                    return Path.of(users.toString());
                }
            }
        }
        return null;
    }

    /** @return whether the entry is Karaf's users-file module (Karaf registers its modules behind a proxy naming them in an option) */
    static boolean isPropertiesModule(AppConfigurationEntry entry) {
        Object proxied = entry.getOptions().get(PROXIED_MODULE_OPTION);
        return PROPERTIES_MODULE.equals(proxied != null ? proxied.toString() : entry.getLoginModuleName());
    }
}
