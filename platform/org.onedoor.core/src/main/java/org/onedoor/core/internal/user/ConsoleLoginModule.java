package org.onedoor.core.internal.user;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * The OneDoor part of a console sign-in over SSH, placed twice in the realm {@code karaf} by
 * {@link ConsoleRealm}: as the <em>gate</em> before Karaf's own modules, it refuses a throttled
 * attempt before the password is checked (flag requisite: its failure ends the sign-in); as the
 * <em>recorder</em> after them, it sees how the sign-in ended (commit or abort) and counts and
 * records it. It acts only on password sign-ins whose subject carries Karaf's SSH client principal
 * ({@code ClientPrincipal("ssh", address)}, added by Karaf's SSH server before the login); the HTTP
 * API's sign-ins through the same realm pass it untouched (they have their own guard), as do key
 * sign-ins. Loaded by Karaf's {@code ProxyLoginModule} from the core bundle: public, no-argument.
 */
public final class ConsoleLoginModule implements LoginModule {

    static final String SIGN_INS_OPTION = "org.onedoor.console.signins";
    static final String STAGE_OPTION = "org.onedoor.console.stage";
    static final String GATE = "gate";
    static final String RECORDER = "recorder";
    /** The role Karaf's SSH server requires ({@code sshRole} in etc/org.apache.karaf.shell.cfg). */
    static final String CONSOLE_ROLE = "ssh";
    static final String SSH_METHOD = "ssh";

    private Subject subject;
    private CallbackHandler handler;
    private ConsoleSignIns signIns;
    private boolean gate;
    /** Set by login() when this attempt is a password sign-in over SSH. */
    private String user;
    private String address;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.signIns = (ConsoleSignIns) options.get(SIGN_INS_OPTION);
        this.gate = GATE.equals(options.get(STAGE_OPTION));
    }

    @Override
    public boolean login() throws LoginException {
        user = null;
        String from = sshAddress(subject);
        if (from == null || signIns == null) {
            return false;
        }
        String name = passwordSignInName();
        if (name == null) {
            return false;
        }
        if (gate) {
            Duration wait = signIns.waitBeforeAttempt(name, from);
            if (!wait.isZero()) {
                signIns.throttled(name, from, wait);
                throw new FailedLoginException("too many failed sign-ins for " + name + " or from " + from
                        + "; try again in " + Math.max(1, wait.toSeconds()) + " s");
            }
            return false;
        }
        user = name;
        address = from;
        return false;
    }

    @Override
    public boolean commit() {
        if (user != null) {
            if (hasRole(subject, CONSOLE_ROLE)) {
                signIns.succeeded(user, address);
            } else {
                signIns.withoutConsoleRole(user, address, CONSOLE_ROLE);
            }
            user = null;
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (user != null) {
            signIns.failed(user, address);
            user = null;
        }
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }

    /** @return the user name when the caller offers a password (not a key), else null */
    private String passwordSignInName() throws LoginException {
        NameCallback name = new NameCallback("user: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (UnsupportedCallbackException notAPassword) {
            return null;
        } catch (Exception e) {
            throw (LoginException) new LoginException("cannot read the sign-in: " + e.getMessage()).initCause(e);
        } finally {
            password.clearPassword();
        }
        return name.getName();
    }

    /** @return the client's IP address when the subject came from Karaf's SSH server, else null */
    static String sshAddress(Subject subject) {
        for (ClientPrincipal p : subject.getPrincipals(ClientPrincipal.class)) {
            if (SSH_METHOD.equals(p.getMethod()) && p.getAddress() != null) {
                return host(p.getAddress());
            }
        }
        return null;
    }

    /** {@code /127.0.0.1:52000}, {@code host/10.0.0.9:52000}, {@code /[::1]:52000} → the IP address alone */
    static String host(String socketAddress) {
        String s = socketAddress.substring(socketAddress.lastIndexOf('/') + 1);
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end > 0 ? s.substring(1, end) : s;
        }
        int colon = s.lastIndexOf(':');
        return colon > 0 && s.indexOf(':') == colon ? s.substring(0, colon) : s;
    }

    private static boolean hasRole(Subject subject, String role) {
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            if (role.equals(p.getName())) {
                return true;
            }
        }
        return false;
    }
}
