package org.onedoor.core.internal.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.karaf.jaas.config.JaasRealm;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;
import org.onedoor.api.user.UserAdminException;
import org.onedoor.api.user.UserAdminException.Reason;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Keeps the hall's users in the hall database, the same on every node at once (no copy is kept on
 * a node: each sign-in reads the user). Each OneDoor role brings the realm roles of its group
 * ({@link RoleGroups}); a department user also holds {@code dept:<id>}; a disabled user holds no
 * role and cannot sign in. Changing a user's roles or password, or disabling it, ends its open
 * sessions. On activation the users of {@code etc/users.properties} move into the database once
 * ({@link UsersFileImport}).
 */
@Component(service = {HallUsers.class, DatabaseHallUsers.class})
public final class DatabaseHallUsers implements HallUsers {

    /** Checks stored hashes of any round count; new hashes get {@link Pbkdf2EncryptionService#ITERATIONS}. */
    static final Pbkdf2Hash HASH = new Pbkdf2Hash(Pbkdf2EncryptionService.ITERATIONS);

    private final HallUserStore store;
    private final DepartmentDirectory departments;
    private final HallSessions sessions;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public DatabaseHallUsers(@Reference HallDatabase database,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY,
                    target = "(!(" + ConsoleRealm.MARKER + "=*))") List<JaasRealm> karafRealms,
            @Reference DepartmentDirectory departments, @Reference HallSessions sessions) {
        this(new HallUserStore(database, Clock.systemUTC()), departments, sessions);
        UsersFileImport.run(karafRealms, store, HASH);
    }

    DatabaseHallUsers(HallUserStore store, DepartmentDirectory departments, HallSessions sessions) {
        this.store = store;
        this.departments = departments;
        this.sessions = sessions;
    }

    /** @return the stored user with its password hash, for the sign-in check; read from the database each time */
    Optional<StoredUser> signInRecord(String name) {
        return store.find(name);
    }

    @Override
    public List<HallUser> users() {
        return store.all().stream().map(DatabaseHallUsers::view).toList();
    }

    @Override
    public Optional<HallUser> user(String name) {
        return store.find(name).map(DatabaseHallUsers::view);
    }

    @Override
    public HallUser create(String name, String password, Set<HallRole> roles, Optional<String> department) {
        UserRules.checkName(name);
        UserRules.checkPassword(password);
        UserRules.checkRoles(roles, department);
        checkDepartment(department);
        StoredUser user = new StoredUser(name, HASH.hash(password), department, false, realmRoles(roles));
        if (!store.insert(user)) {
            throw new UserAdminException(Reason.USER_EXISTS, "user '" + name + "' exists already");
        }
        return view(user);
    }

    @Override
    public HallUser setRoles(String name, Set<HallRole> roles, Optional<String> department) {
        UserRules.checkRoles(roles, department);
        checkDepartment(department);
        StoredUser now = existing(name);
        return changed(new StoredUser(name, now.passwordHash(), department, false, realmRoles(roles)));
    }

    @Override
    public HallUser resetPassword(String name, String password) {
        UserRules.checkPassword(password);
        StoredUser now = existing(name);
        return changed(new StoredUser(name, HASH.hash(password), now.department(), now.disabled(), now.realmRoles()));
    }

    @Override
    public HallUser disable(String name) {
        existing(name);
        byte[] unknown = new byte[32];
        random.nextBytes(unknown);
        String password = Base64.getEncoder().withoutPadding().encodeToString(unknown);
        return changed(new StoredUser(name, HASH.hash(password), Optional.empty(), true, Set.of()));
    }

    private HallUser changed(StoredUser user) {
        if (!store.replace(user)) {
            throw new UserAdminException(Reason.UNKNOWN_USER, "no user '" + user.name() + "'");
        }
        sessions.revokeUser(user.name());
        return view(user);
    }

    private StoredUser existing(String name) {
        return store.find(name).orElseThrow(() -> new UserAdminException(Reason.UNKNOWN_USER, "no user '" + name + "'"));
    }

    private void checkDepartment(Optional<String> department) {
        if (department.isPresent() && departments.department(department.get()).isEmpty()) {
            throw new UserAdminException(Reason.INVALID, "no department '" + department.get() + "' in the hall (see GET /api/v1/departments)");
        }
    }

    private static Set<String> realmRoles(Set<HallRole> roles) {
        Set<String> realm = new HashSet<>();
        roles.forEach(r -> realm.addAll(RoleGroups.rolesOf(r)));
        return realm;
    }

    private static HallUser view(StoredUser user) {
        Set<HallRole> roles = EnumSet.noneOf(HallRole.class);
        if (!user.disabled()) {
            user.realmRoles().forEach(r -> HallRole.byId(r).ifPresent(roles::add));
        }
        return new HallUser(user.name(), roles, user.disabled() ? Optional.empty() : user.department(), user.disabled());
    }
}
