package org.onedoor.core.internal.user;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;
import org.onedoor.api.user.UserAdminException;
import org.onedoor.api.user.UserAdminException.Reason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hall's users in Karaf's JAAS realm {@code karaf} through its properties backing
 * engine ({@code etc/users.properties}). Each OneDoor role is a group {@code <role>group}; a
 * department user also holds the role {@code dept:<id>}; a disabled user holds only {@code disabled}.
 * Changing a user's roles or password, or disabling it, ends its open sessions.
 */
@Component(service = HallUsers.class)
public final class JaasHallUsers implements HallUsers {

    private static final Logger LOG = LoggerFactory.getLogger(JaasHallUsers.class);

    static final String REALM = "karaf";
    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    static final String PROXIED_MODULE_OPTION = "org.apache.karaf.jaas.module";
    static final String DEPARTMENT_PREFIX = "dept:";
    static final String DISABLED = "disabled";
    /** Realm keys starting so are groups (or a group line a hand edit left unescaped), never users. */
    static final String GROUP_KEY_START = "_g_";
    private static final int SETTLE_ATTEMPTS = 5;
    private static final long SETTLE_MILLIS = 150;

    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> factories;
    private final DepartmentDirectory departments;
    private final HallSessions sessions;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public JaasHallUsers(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY,
                    target = "(!(" + ConsoleRealm.MARKER + "=*))") List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> factories,
            @Reference DepartmentDirectory departments, @Reference HallSessions sessions) {
        this.realms = List.copyOf(realms);
        this.factories = List.copyOf(factories);
        this.departments = departments;
        this.sessions = sessions;
    }

    @Override
    public synchronized List<HallUser> users() {
        BackingEngine engine = engine();
        return engine.listUsers().stream()
                .filter(u -> !u.getName().startsWith(GROUP_KEY_START))
                .map(u -> read(engine, u))
                .sorted(Comparator.comparing(HallUser::name))
                .toList();
    }

    @Override
    public synchronized Optional<HallUser> user(String name) {
        BackingEngine engine = engine();
        return Optional.ofNullable(engine.lookupUser(name)).map(u -> read(engine, u));
    }

    @Override
    public synchronized HallUser create(String name, String password, Set<HallRole> roles, Optional<String> department) {
        UserRules.checkName(name);
        UserRules.checkPassword(password);
        UserRules.checkRoles(roles, department);
        checkDepartment(department);
        BackingEngine engine = engine();
        if (engine.lookupUser(name) != null) {
            throw new UserAdminException(Reason.USER_EXISTS, "user '" + name + "' exists already");
        }
        engine.addUser(name, password);
        grant(engine, name, roles, department);
        return settled(name, roles, department, false);
    }

    @Override
    public synchronized HallUser setRoles(String name, Set<HallRole> roles, Optional<String> department) {
        UserRules.checkRoles(roles, department);
        checkDepartment(department);
        BackingEngine engine = engine();
        UserPrincipal user = existing(engine, name);
        revokeAll(engine, user);
        grant(engine(), name, roles, department);
        sessions.revokeUser(name);
        return settled(name, roles, department, false);
    }

    @Override
    public synchronized HallUser resetPassword(String name, String password) {
        UserRules.checkPassword(password);
        BackingEngine engine = engine();
        UserPrincipal user = existing(engine, name);
        engine.addUser(name, password);
        sessions.revokeUser(name);
        return read(engine(), user);
    }

    @Override
    public synchronized HallUser disable(String name) {
        BackingEngine engine = engine();
        UserPrincipal user = existing(engine, name);
        byte[] unknown = new byte[32];
        random.nextBytes(unknown);
        engine.addUser(name, Base64.getEncoder().withoutPadding().encodeToString(unknown));
        revokeAll(engine(), user);
        engine().addRole(name, DISABLED);
        sessions.revokeUser(name);
        return settled(name, Set.of(), Optional.empty(), true);
    }

    /**
     * Karaf's watcher of {@code users.properties} can read the file while the engine writes it and
     * save its torn copy back, losing the change (and leaving a stray {@code _g_} entry). This
     * reads the user again after the file settled and applies the roles again until they hold.
     */
    private HallUser settled(String name, Set<HallRole> roles, Optional<String> department, boolean disabled) {
        for (int attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
            pause();
            BackingEngine engine = engine();
            if (engine.lookupUser(GROUP_KEY_START) != null) {
                engine.deleteUser(GROUP_KEY_START);
                engine = engine();
            }
            UserPrincipal user = existing(engine, name);
            HallUser now = read(engine, user);
            boolean held = now.disabled() == disabled && now.department().equals(department)
                    && now.roles().containsAll(roles) && RoleGroups.implied(roles).containsAll(now.roles());
            if (held) {
                return now;
            }
            LOG.warn("User {}: the change did not hold in users.properties (now {}); applying it again", name, now);
            revokeAll(engine, user);
            if (disabled) {
                engine().addRole(name, DISABLED);
            } else {
                grant(engine(), name, roles, department);
            }
        }
        throw new IllegalStateException("the change of user '" + name + "' did not hold in etc/users.properties; try again");
    }

    private static void pause() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving users", e);
        }
    }

    private void checkDepartment(Optional<String> department) {
        if (department.isPresent() && departments.department(department.get()).isEmpty()) {
            throw new UserAdminException(Reason.INVALID, "no department '" + department.get() + "' in the hall (see GET /api/v1/departments)");
        }
    }

    private static UserPrincipal existing(BackingEngine engine, String name) {
        UserPrincipal user = engine.lookupUser(name);
        if (user == null || name.startsWith(GROUP_KEY_START)) {
            throw new UserAdminException(Reason.UNKNOWN_USER, "no user '" + name + "'");
        }
        return user;
    }

    private static void grant(BackingEngine engine, String name, Set<HallRole> roles, Optional<String> department) {
        Map<GroupPrincipal, String> groups = engine.listGroups();
        for (HallRole role : roles) {
            String group = RoleGroups.group(role);
            if (groups.keySet().stream().noneMatch(g -> g.getName().equals(group))) {
                engine.createGroup(group);
                for (String r : RoleGroups.rolesOf(role)) {
                    engine.addGroupRole(group, r);
                }
            }
            engine.addGroup(name, group);
        }
        department.ifPresent(d -> engine.addRole(name, DEPARTMENT_PREFIX + d));
    }

    private static void revokeAll(BackingEngine engine, UserPrincipal user) {
        for (GroupPrincipal g : engine.listGroups(user)) {
            // the engine's deleteGroup also deletes a group left without members; only the membership goes here
            engine.deleteRole(user.getName(), BackingEngine.GROUP_PREFIX + g.getName());
        }
        for (RolePrincipal r : engine.listRoles(user)) {
            engine.deleteRole(user.getName(), r.getName());
        }
    }

    private static HallUser read(BackingEngine engine, UserPrincipal user) {
        Set<String> names = new HashSet<>();
        engine.listRoles(user).forEach(r -> names.add(r.getName()));
        Set<HallRole> roles = EnumSet.noneOf(HallRole.class);
        for (String n : names) {
            HallRole.byId(n).ifPresent(roles::add);
        }
        Optional<String> department = names.stream().filter(n -> n.startsWith(DEPARTMENT_PREFIX))
                .map(n -> n.substring(DEPARTMENT_PREFIX.length())).sorted().findFirst();
        return new HallUser(user.getName(), roles, department, names.contains(DISABLED));
    }

    private BackingEngine engine() {
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                if (!PROPERTIES_MODULE.equals(moduleOf(entry))) {
                    continue;
                }
                for (BackingEngineFactory factory : factories) {
                    if (PROPERTIES_MODULE.equals(factory.getModuleClass())) {
                        return factory.build(entry.getOptions());
                    }
                }
            }
        }
        throw new IllegalStateException("the node's user realm '" + REALM + "' with its users file is not available");
    }

    /** @return the login module class of an entry; Karaf registers its modules behind a proxy that names them in an option */
    private static String moduleOf(AppConfigurationEntry entry) {
        Object proxied = entry.getOptions().get(PROXIED_MODULE_OPTION);
        return proxied != null ? proxied.toString() : entry.getLoginModuleName();
    }
}
