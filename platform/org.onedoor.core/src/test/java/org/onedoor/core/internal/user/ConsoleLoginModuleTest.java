package org.onedoor.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.Test;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;

/** The console module around a stand-in password module, run by the JDK's own LoginContext as Karaf runs it. */
class ConsoleLoginModuleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(new HallDatabase(TestStore.migrated()), clock);
    private final List<AuditEvent> recorded = new ArrayList<>();
    private final ConsoleSignIns signIns = new ConsoleSignIns(throttle, new AuditTrail() {
        @Override public AuditRecord record(AuditEvent e) { recorded.add(e); return null; }
        @Override public List<AuditRecord> recent(String action, String actor, int limit) { return List.of(); }
        @Override public AuditVerification verify() { return null; }
    });

    /** Accepts the password "right" and grants the roles viewer and ssh, like the properties module. */
    public static final class PasswordModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private boolean ok;

        @Override public void initialize(Subject s, CallbackHandler h, Map<String, ?> shared, Map<String, ?> options) {
            subject = s;
            handler = h;
        }

        @Override public boolean login() throws LoginException {
            NameCallback n = new NameCallback("u");
            PasswordCallback p = new PasswordCallback("p", false);
            try {
                handler.handle(new Callback[] {n, p});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            ok = "right".equals(new String(p.getPassword()));
            if (!ok) {
                throw new FailedLoginException("wrong");
            }
            return true;
        }

        @Override public boolean commit() {
            if (ok) {
                subject.getPrincipals().add(new RolePrincipal("viewer"));
                subject.getPrincipals().add(new RolePrincipal("ssh"));
            }
            return ok;
        }

        @Override public boolean abort() { return false; }
        @Override public boolean logout() { return false; }
    }

    private final Configuration realm = new Configuration() {
        @Override public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return new AppConfigurationEntry[] {
                entry(ConsoleLoginModule.GATE, LoginModuleControlFlag.REQUISITE),
                new AppConfigurationEntry(PasswordModule.class.getName(), LoginModuleControlFlag.OPTIONAL, Map.of()),
                entry(ConsoleLoginModule.RECORDER, LoginModuleControlFlag.OPTIONAL),
            };
        }
    };

    private AppConfigurationEntry entry(String stage, LoginModuleControlFlag flag) {
        return new AppConfigurationEntry(ConsoleLoginModule.class.getName(), flag,
                Map.of(ConsoleLoginModule.STAGE_OPTION, stage, ConsoleLoginModule.SIGN_INS_OPTION, signIns));
    }

    private void login(String password, boolean overSsh) throws LoginException {
        Subject subject = new Subject();
        if (overSsh) {
            subject.getPrincipals().add(new ClientPrincipal("ssh", "/10.0.0.9:52100"));
        }
        new LoginContext("karaf", subject, callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName("op1");
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        }, realm).login();
    }

    private List<String> outcomes() {
        return recorded.stream().map(e -> e.action() + " " + e.outcome() + " " + e.actor() + " " + e.origin()).toList();
    }

    @Test
    void sshSignInsAreRecordedAndWrongOnesCounted() throws Exception {
        login("right", true);
        assertThrows(LoginException.class, () -> login("wrong", true));
        assertEquals(List.of("console-login success op1 10.0.0.9", "console-login failure op1 10.0.0.9"), outcomes());
    }

    @Test
    void afterTooManyWrongPasswordsEvenTheRightOneIsRefusedUntilTheBackOffPasses() throws Exception {
        for (int i = 0; i < LoginThrottle.USER_FREE_FAILURES + 1; i++) {
            assertThrows(LoginException.class, () -> login("wrong", true));
        }
        recorded.clear();
        assertThrows(FailedLoginException.class, () -> login("right", true));
        assertEquals(1, recorded.size());
        assertEquals(AuditEvent.REFUSED, recorded.get(0).outcome());
        clock.advance(java.time.Duration.ofSeconds(3));
        login("right", true);
    }

    @Test
    void theBackOffIsTheHttpApisToo() throws Exception {
        for (int i = 0; i < LoginThrottle.USER_FREE_FAILURES + 1; i++) {
            throttle.failed("op1", "10.0.0.7");
        }
        assertThrows(FailedLoginException.class, () -> login("right", true));
    }

    @Test
    void signInsNotOverSshPassUntouched() throws Exception {
        login("right", false);
        assertThrows(LoginException.class, () -> login("wrong", false));
        assertEquals(List.of(), outcomes());
    }

    @Test
    void theClientAddressLosesItsPort() {
        assertEquals("127.0.0.1", ConsoleLoginModule.host("/127.0.0.1:52000"));
        assertEquals("10.0.0.9", ConsoleLoginModule.host("hall-pc/10.0.0.9:52000"));
        assertEquals("0:0:0:0:0:0:0:1", ConsoleLoginModule.host("/[0:0:0:0:0:0:0:1]:52000"));
    }
}
