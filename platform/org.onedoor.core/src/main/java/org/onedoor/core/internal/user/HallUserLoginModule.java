package org.onedoor.core.internal.user;

import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * Checks a password sign-in against the hall database (see {@link DatabaseHallUsers}), in place of
 * Karaf's users-file module in the realm {@code karaf} ({@link ConsoleRealm}): SSH and bin/client,
 * the web sign-in and HTTP Basic all sign in the same users on every node. A user not in the
 * database, a disabled one or a wrong password fails; a sign-in without a password (an SSH key) is
 * left to the realm's other modules. On success the subject gets the user principal, the user's
 * realm roles and {@code dept:<id>} for its department. Loaded by Karaf's {@code ProxyLoginModule}
 * from the core bundle: public, no-argument.
 */
public final class HallUserLoginModule implements LoginModule {

    static final String USERS_OPTION = "org.onedoor.users";

    private Subject subject;
    private CallbackHandler handler;
    private DatabaseHallUsers users;
    private StoredUser signedIn;
    private final Set<Principal> added = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.users = (DatabaseHallUsers) options.get(USERS_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        signedIn = null;
        NameCallback name = new NameCallback("user: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (UnsupportedCallbackException notAPassword) {
            return false;
        } catch (Exception e) {
            throw (LoginException) new LoginException("cannot read the sign-in: " + e.getMessage()).initCause(e);
        }
        char[] given = password.getPassword();
        password.clearPassword();
        if (name.getName() == null || given == null || users == null) {
            throw new FailedLoginException("wrong user name or password");
        }
        Optional<StoredUser> user = users.signInRecord(name.getName());
        boolean matches = user.isPresent() && !user.get().disabled()
                && DatabaseHallUsers.HASH.matches(new String(given), user.get().passwordHash());
        java.util.Arrays.fill(given, '\0');
        if (!matches) {
            throw new FailedLoginException("wrong user name or password");
        }
        signedIn = user.get();
        return true;
    }

    @Override
    public boolean commit() {
        if (signedIn == null) {
            return false;
        }
        added.add(new UserPrincipal(signedIn.name()));
        signedIn.realmRoles().forEach(r -> added.add(new RolePrincipal(r)));
        signedIn.department().ifPresent(d -> added.add(new RolePrincipal(RoleGroups.DEPARTMENT_PREFIX + d)));
        subject.getPrincipals().addAll(added);
        signedIn = null;
        return true;
    }

    @Override
    public boolean abort() {
        boolean mine = signedIn != null || !added.isEmpty();
        logout();
        signedIn = null;
        return mine;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        return true;
    }
}
