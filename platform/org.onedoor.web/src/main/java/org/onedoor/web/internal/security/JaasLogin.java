package org.onedoor.web.internal.security;

import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.onedoor.api.session.HallPrincipal;

/** Checks a user name and password against the node's JAAS realm {@code karaf} (the console's users); blocks. */
public final class JaasLogin {

    public static final String REALM = "karaf";
    public static final String DEPARTMENT_PREFIX = "dept:";

    private JaasLogin() {
    }

    /** @return the principal, or empty when the name or password is wrong */
    public static Optional<HallPrincipal> login(String user, String password) {
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(JaasLogin.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            login.login();
            Set<String> roles = new HashSet<>();
            for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
                roles.add(p.getName());
            }
            login.logout();
            return Optional.of(principal(user, roles));
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** @return the principal of a user with these realm roles; the department comes from a {@code dept:<id>} role */
    public static HallPrincipal principal(String user, Set<String> roles) {
        Optional<String> department = roles.stream().filter(r -> r.startsWith(DEPARTMENT_PREFIX))
                .map(r -> r.substring(DEPARTMENT_PREFIX.length())).sorted().findFirst();
        return new HallPrincipal(user, roles, department);
    }
}
