package org.onedoor.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.api.hall.UnitKind;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.UserAdminException;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/**
 * The hall database's users signed in through the JDK's LoginContext, as Karaf's realm runs the
 * module; two {@link DatabaseHallUsers} on one database stand for two nodes of the hall.
 */
class HallUserLoginModuleTest {

    private final DataSource ds = TestStore.migrated();
    private final List<String> revoked = new ArrayList<>();
    private final DatabaseHallUsers node1 = node();
    private final DatabaseHallUsers node2 = node();

    private DatabaseHallUsers node() {
        DepartmentDirectory departments = (DepartmentDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DepartmentDirectory.class}, (p, m, a) -> m.getName().equals("department") && "A17".equals(a[0])
                        ? Optional.of(new Department("A17", "公安局", "Police", UnitKind.DEPARTMENT, EntryMode.STAFF_AND_MATTERS,
                                "police", 0, 0, "")) : Optional.empty());
        HallSessions sessions = (HallSessions) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HallSessions.class}, (p, m, a) -> {
                    revoked.add((String) a[0]);
                    return 0;
                });
        return new DatabaseHallUsers(new HallUserStore(new HallDatabase(ds), Clock.systemUTC()), departments, sessions);
    }

    private static Set<String> signIn(DatabaseHallUsers users, String name, String password) throws LoginException {
        Configuration realm = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String n) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(HallUserLoginModule.class.getName(),
                        LoginModuleControlFlag.REQUIRED, Map.of(HallUserLoginModule.USERS_OPTION, users))};
            }
        };
        Subject subject = new Subject();
        new LoginContext("karaf", subject, callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback nc) {
                    nc.setName(name);
                } else if (c instanceof PasswordCallback pc) {
                    pc.setPassword(password.toCharArray());
                }
            }
        }, realm).login();
        return subject.getPrincipals().stream().map(Principal::getName).collect(Collectors.toSet());
    }

    @Test
    void aUserAddedOnOneNodeSignsInOnAnotherWithItsRealmRoles() throws Exception {
        node1.create("op.window", "first-Password-1", Set.of(HallRole.OPERATOR), Optional.empty());
        assertEquals(Set.of("op.window", "operator", "viewer", "ssh"), signIn(node2, "op.window", "first-Password-1"));
        assertThrows(FailedLoginException.class, () -> signIn(node2, "op.window", "wrong-Password-1"));
        assertThrows(FailedLoginException.class, () -> signIn(node2, "nobody", "first-Password-1"));
        assertEquals(Set.of(HallRole.OPERATOR, HallRole.VIEWER), node2.user("op.window").orElseThrow().roles());
    }

    @Test
    void aPasswordChangedOrAUserDisabledOnOneNodeIsRefusedOnAnotherAtOnce() throws Exception {
        node1.create("clerk.a", "first-Password-1", Set.of(HallRole.CLERK), Optional.empty());
        assertTrue(signIn(node2, "clerk.a", "first-Password-1").contains("clerk"));
        node1.resetPassword("clerk.a", "second-Password-2");
        assertThrows(FailedLoginException.class, () -> signIn(node2, "clerk.a", "first-Password-1"));
        assertTrue(signIn(node2, "clerk.a", "second-Password-2").contains("clerk"));
        node1.disable("clerk.a");
        assertThrows(FailedLoginException.class, () -> signIn(node2, "clerk.a", "second-Password-2"));
        assertTrue(node2.user("clerk.a").orElseThrow().disabled());
        assertTrue(node2.user("clerk.a").orElseThrow().roles().isEmpty());
        assertEquals(List.of("clerk.a", "clerk.a"), revoked);
    }

    @Test
    void aDepartmentUserCarriesItsDepartmentAndNamesAreUnique() throws Exception {
        node1.create("dept.x", "first-Password-1", Set.of(HallRole.DEPARTMENT), Optional.of("A17"));
        assertEquals(Set.of("dept.x", "department", "dept:A17"), signIn(node2, "dept.x", "first-Password-1"));
        assertEquals(Optional.of("A17"), node2.user("dept.x").orElseThrow().department());
        UserAdminException twice = assertThrows(UserAdminException.class,
                () -> node2.create("dept.x", "other-Password-1", Set.of(HallRole.CLERK), Optional.empty()));
        assertEquals(UserAdminException.Reason.USER_EXISTS, twice.reason());
        assertEquals(List.of("dept.x"), node1.users().stream().map(u -> u.name()).toList());
        assertFalse(node1.user("nobody").isPresent());
    }
}
