package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.ADMIN;
import static org.onedoor.itests.HallNodeOptions.ADMIN_PW;
import static org.onedoor.itests.HallNodeOptions.ROLE_PW;
import static org.onedoor.itests.HallNodeOptions.await;
import static org.onedoor.itests.HallNodeOptions.hashed;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The SSH console of the real distribution, signed in to over SSH with a real client: wrong
 * passwords are throttled (with the HTTP API's back-off) and audited as {@code console-login};
 * console roles follow docs/security.md (a viewer runs no configuration command, calls no Java method
 * and reads no file, a supervisor reads but does not change the hall).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleSshIT {

    private static final String GUESSED = "ssh.guessed";
    private static final String SSH_VIEWER = "ssh.viewer";
    private static final String SSH_SUPERVISOR = "ssh.supervisor";

    @Inject
    private AuditTrail audit;

    @Configuration
    public Option[] config() throws Exception {
        return OptionUtils.combine(HallNodeOptions.node(),
                editConfigurationFilePut("etc/users.properties", GUESSED, hashed(ROLE_PW) + ",_g_:viewergroup"),
                editConfigurationFilePut("etc/users.properties", SSH_VIEWER, hashed(ROLE_PW) + ",_g_:viewergroup"),
                editConfigurationFilePut("etc/users.properties", SSH_SUPERVISOR, hashed(ROLE_PW) + ",_g_:supervisorgroup"));
    }

    /** What one SSH command gave: whether the sign-in held, its output and exit status. */
    private record Run(boolean signedIn, String out, Integer exit) {
    }

    private static int sshPort() throws Exception {
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.shell.cfg");
        Matcher m = Pattern.compile("(?m)^sshPort\\s*=\\s*(\\d+)").matcher(Files.readString(cfg));
        assertTrue("sshPort in " + cfg, m.find());
        return Integer.parseInt(m.group(1));
    }

    /** Signs in with a fresh SSH client (its own connection) and runs one command. */
    private static Run ssh(String user, String password, String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            return ssh(client, user, password, command);
        }
    }

    private static Run ssh(SshClient client, String user, String password, String command) throws Exception {
        try (ClientSession session = client.connect(user, "127.0.0.1", sshPort()).verify(Duration.ofSeconds(10)).getSession()) {
            session.addPasswordIdentity(password);
            try {
                session.auth().verify(Duration.ofSeconds(20));
            } catch (Exception refused) {
                return new Run(false, "", null);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec exec = session.createExecChannel(command + "\n")) {
                exec.setOut(out);
                exec.setErr(out);
                exec.open().verify(Duration.ofSeconds(10));
                exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
                return new Run(true, out.toString(StandardCharsets.UTF_8), exec.getExitStatus());
            }
        }
    }

    private List<AuditRecord> consoleLogins(String user) {
        return audit.recent("console-login", user, 100);
    }

    private static String outcomes(List<AuditRecord> records) {
        return records.stream().map(r -> r.event().outcome() + "@" + r.event().origin()).toList().toString();
    }

    private void awaitSsh(String user) throws Exception {
        await(user + " can sign in over SSH", () -> ssh(user, ROLE_PW, "onedoor:zones").signedIn());
    }

    private long failures(String user) {
        return consoleLogins(user).stream().filter(r -> r.event().outcome().equals("failure")).count();
    }

    @Test
    public void wrongPasswordsOverSshAreThrottledAndAudited() throws Exception {
        awaitSsh(GUESSED);
        // Five wrong passwords are checked freely; then each further one only after a back-off that
        // doubles (1 s, 2 s, 4 s): guess on until eight were checked, leaving an 8 s back-off.
        long deadline = System.nanoTime() + 40_000_000_000L;
        int attempts = 0;
        while (failures(GUESSED) < 8) {
            assertTrue("eight wrong passwords checked within 40 s", System.nanoTime() < deadline);
            assertFalse("a wrong password signs in", ssh(GUESSED, "wrong-Password-" + attempts++, "onedoor:zones").signedIn());
            Thread.sleep(250);
        }
        // Now even the right password is refused, before it is checked, for the back-off ...
        assertFalse("the right password is let through while the user is throttled",
                ssh(GUESSED, ROLE_PW, "onedoor:zones").signedIn());
        // ... and the same back-off guards the HTTP API: the user is locked out there too.
        Http http = new Http(HallNodeOptions.webPort());
        assertEquals(429, http.getAs("/api/v1/auth/me", GUESSED, ROLE_PW).statusCode());

        List<AuditRecord> records = consoleLogins(GUESSED);
        assertTrue("attempts refused unchecked are in the audit trail: " + outcomes(records),
                records.stream().anyMatch(r -> r.event().outcome().equals("refused")
                        && r.event().detail().contains("too many failed sign-ins")));
        assertTrue("more attempts than checked passwords: " + attempts, attempts > 8);
        assertTrue("records name the client address: " + outcomes(records),
                records.stream().allMatch(r -> r.event().origin().equals("127.0.0.1") && r.event().target().equals(GUESSED)));
        assertTrue("a success before the guesses is recorded too: " + outcomes(records),
                records.stream().anyMatch(r -> r.event().outcome().equals("success")));
        assertTrue(audit.verify().intact());
    }

    @Test
    public void aViewerRunsNoConfigurationCommandAndSeesNoStorePassword() throws Exception {
        awaitSsh(SSH_VIEWER);
        Run zones = ssh(SSH_VIEWER, ROLE_PW, "onedoor:zones");
        assertEquals(zones.out(), Integer.valueOf(0), zones.exit());

        for (String command : List.of("config:list", "config:property-list --pid org.onedoor.store",
                "cat etc/org.onedoor.store.cfg", "jaas:realm-list")) {
            Run run = ssh(SSH_VIEWER, ROLE_PW, command);
            assertTrue(run.signedIn());
            assertFalse(command + " is allowed for a viewer: " + run.out(), Integer.valueOf(0).equals(run.exit()));
            assertFalse(command + " shows the store's configuration: " + run.out(), run.out().contains("org.onedoor.store"));
        }
    }

    @Test
    public void aSupervisorReadsButDoesNotChangeTheHall() throws Exception {
        awaitSsh(SSH_SUPERVISOR);
        for (String read : List.of("onedoor:zones", "onedoor:audit-verify", "onedoor:cases")) {
            Run run = ssh(SSH_SUPERVISOR, ROLE_PW, read);
            assertEquals(read + ": " + run.out(), Integer.valueOf(0), run.exit());
        }
        for (String write : List.of("onedoor:zone-disable police", "onedoor:user-add x.y viewer", "config:list")) {
            Run run = ssh(SSH_SUPERVISOR, ROLE_PW, write);
            assertTrue(run.signedIn());
            assertFalse(write + " is allowed for a supervisor: " + run.out(), Integer.valueOf(0).equals(run.exit()));
        }
        List<AuditRecord> records = consoleLogins(SSH_SUPERVISOR);
        assertTrue("the supervisor's sign-ins are recorded: " + outcomes(records),
                records.stream().anyMatch(r -> r.event().outcome().equals("success") && r.event().origin().equals("127.0.0.1")));
    }

    /** What a console user other than an admin may not do: call Java methods, read files, run programs. */
    private static final List<String> ADMIN_ONLY = List.of(
            "($.context) bundles",
            "$.context getBundle 0",
            "echo (($.context getBundle 0) symbolicName)",
            "cat etc/users.properties",
            "less etc/users.properties",
            "more etc/users.properties",
            "grep admin etc/users.properties",
            "grep -i admin etc/users.properties",
            "onedoor:zones | grep police etc/users.properties",
            "head etc/users.properties",
            "tail etc/users.properties",
            "wc etc/users.properties",
            "sort etc/users.properties",
            "exec id",
            "java java.lang.System exit",
            "source etc/shell.init.script",
            "new java.lang.StringBuilder",
            "addCommand x ($.context)");

    private static void assertRefused(String user, String command) throws Exception {
        Run run = ssh(user, ROLE_PW, command);
        assertTrue(run.signedIn());
        assertFalse(command + " is allowed for " + user + ": " + run.out(), Integer.valueOf(0).equals(run.exit()));
        assertTrue(command + " is refused with a clear message for " + user + ": " + run.out(),
                run.out().contains("Insufficient credentials."));
        assertFalse(command + " shows the users file to " + user + ": " + run.out(), run.out().contains("pbkdf2"));
    }

    @Test
    public void aViewerAndASupervisorCallNoJavaMethodAndReadNoFile() throws Exception {
        awaitSsh(SSH_VIEWER);
        awaitSsh(SSH_SUPERVISOR);
        for (String command : ADMIN_ONLY) {
            assertRefused(SSH_VIEWER, command);
            assertRefused(SSH_SUPERVISOR, command);
        }
        // Listings that print configuration values (service properties, component properties) are hidden.
        for (String command : List.of("service:list", "ls", "scr:info org.onedoor.store.internal.HallDataSource", "log:clear")) {
            Run run = ssh(SSH_VIEWER, ROLE_PW, command);
            assertFalse(command + " is allowed for a viewer: " + run.out(), Integer.valueOf(0).equals(run.exit()));
        }
        // The filters still work on piped output.
        for (String piped : List.of("onedoor:zones | grep police", "onedoor:zones | grep -i POLICE", "onedoor:zones | head",
                "onedoor:zones | tail", "onedoor:zones | sort -r", "onedoor:zones | wc -l")) {
            Run run = ssh(SSH_VIEWER, ROLE_PW, piped);
            assertEquals(piped + ": " + run.out(), Integer.valueOf(0), run.exit());
        }
        assertTrue(ssh(SSH_VIEWER, ROLE_PW, "onedoor:zones | grep police").out().contains("police"));
    }

    @Test
    public void anAdminCallsJavaMethodsAndReadsFiles() throws Exception {
        awaitSsh(SSH_VIEWER);
        Run call = ssh(ADMIN, ADMIN_PW, "echo (($.context getBundle 0) symbolicName)");
        assertEquals(call.out(), Integer.valueOf(0), call.exit());
        assertTrue(call.out(), call.out().contains("org.apache.felix.framework"));
        Run read = ssh(ADMIN, ADMIN_PW, "grep " + ADMIN + " etc/users.properties");
        assertEquals(read.out(), Integer.valueOf(0), read.exit());
        assertTrue(read.out(), read.out().contains("pbkdf2"));
    }
}
