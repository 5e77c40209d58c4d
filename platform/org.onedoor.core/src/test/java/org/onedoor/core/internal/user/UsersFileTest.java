package org.onedoor.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.config.JaasRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/** The users of etc/users.properties move into the hall database once; the file keeps the first-start admin. */
class UsersFileTest {

    private static final Pbkdf2Hash HASH = new Pbkdf2Hash(10_000);
    private static final String HASHED = "pbkdf2-sha256:10000:c2FsdA:aGFzaA";
    private static final String FILE = String.join("\n",
            "# OneDoor hall node users",
            "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
            "_g_\\:departmentgroup = group,department",
            "admin = {CRYPT}" + HASHED + "{CRYPT},_g_:admingroup",
            "viewer1 = {CRYPT}" + HASHED + "{CRYPT},viewer",
            "dept.a17 = {CRYPT}" + HASHED + "{CRYPT},_g_:departmentgroup,dept:A17",
            "gone = {CRYPT}" + HASHED + "{CRYPT},disabled",
            "fresh = clear-Password-1,_g_:admingroup",
            "");

    @Test
    void usersKeepTheirHashesRolesDepartmentAndDisabledFlag() {
        Map<String, StoredUser> users = new java.util.HashMap<>();
        UsersFile.users(FILE, HASH).forEach(u -> users.put(u.name(), u));
        assertEquals(Set.of("admin", "viewer1", "dept.a17", "gone", "fresh"), users.keySet());
        assertEquals(new StoredUser("admin", HASHED, Optional.empty(), false,
                Set.of("admin", "manager", "viewer", "systembundles", "ssh")), users.get("admin"));
        assertEquals(Set.of("viewer"), users.get("viewer1").realmRoles());
        assertEquals(new StoredUser("dept.a17", HASHED, Optional.of("A17"), false, Set.of("department")), users.get("dept.a17"));
        assertTrue(users.get("gone").disabled());
        assertTrue(users.get("gone").realmRoles().isEmpty());
        assertTrue(HASH.matches("clear-Password-1", users.get("fresh").passwordHash()), "a clear password is hashed");
    }

    @Test
    void theFileKeepsOnlyTheFirstStartAdminAndTheGroups() {
        String kept = UsersFile.withoutMoved(FILE, Set.of("admin", "viewer1", "dept.a17", "gone", "fresh"));
        assertEquals(String.join("\n", "# OneDoor hall node users",
                "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
                "_g_\\:departmentgroup = group,department",
                "admin = {CRYPT}" + HASHED + "{CRYPT},_g_:admingroup", ""), kept);
        assertEquals(FILE, UsersFile.withoutMoved(FILE, Set.of()));
    }

    @Test
    void theImportRunsOnEveryNodeAndAtEveryStartWithoutChangingWhatTheDatabaseHas(@TempDir Path etc) throws Exception {
        Path file = etc.resolve("users.properties");
        Files.writeString(file, FILE);
        HallUserStore store = new HallUserStore(new HallDatabase(TestStore.migrated()), Clock.systemUTC());
        List<JaasRealm> karaf = List.of(realm(file));
        UsersFileImport.run(karaf, store, HASH);
        assertEquals(5, store.all().size());
        store.replace(new StoredUser("admin", "pbkdf2-sha256:10000:bmV3:bmV3", Optional.empty(), false, Set.of("admin")));

        Files.writeString(file, FILE); // a second node with the same file, or the same node's file restored
        UsersFileImport.run(karaf, store, HASH);
        assertEquals(5, store.all().size());
        assertEquals("pbkdf2-sha256:10000:bmV3:bmV3", store.find("admin").orElseThrow().passwordHash(), "the database decides");
        String left = Files.readString(file);
        assertTrue(left.contains("admin = "));
        assertFalse(left.contains("viewer1"));
    }

    @Test
    void theFirstStartAdminsClearPasswordIsLeftInTheFileOnlyAsItsHash(@TempDir Path etc) throws Exception {
        Path file = etc.resolve("users.properties");
        Files.writeString(file, "_g_\\:admingroup = group,admin,ssh\n\nadmin = first-Start-Pw-1,_g_:admingroup\n");
        HallUserStore store = new HallUserStore(new HallDatabase(TestStore.migrated()), Clock.systemUTC());
        UsersFileImport.run(List.of(realm(file)), store, HASH);
        String left = Files.readString(file);
        assertFalse(left.contains("first-Start-Pw-1"), left);
        String hash = store.find("admin").orElseThrow().passwordHash();
        assertTrue(HASH.matches("first-Start-Pw-1", hash));
        assertEquals("_g_\\:admingroup = group,admin,ssh\n\nadmin = {CRYPT}" + hash + "{CRYPT},_g_:admingroup\n", left);
        assertEquals(Set.of("admin", "ssh"), UsersFile.users(left, HASH).get(0).realmRoles(), "Karaf can still read the line");
    }

    private static JaasRealm realm(Path file) {
        return new JaasRealm() {
            @Override
            public String getName() {
                return "karaf";
            }

            @Override
            public int getRank() {
                return 0;
            }

            @Override
            public AppConfigurationEntry[] getEntries() {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("org.apache.karaf.jaas.boot.ProxyLoginModule",
                        LoginModuleControlFlag.SUFFICIENT, Map.of(UsersFileImport.PROXIED_MODULE_OPTION,
                                UsersFileImport.PROPERTIES_MODULE, UsersFileImport.USERS_FILE_OPTION, file.toString()))};
            }
        };
    }
}
