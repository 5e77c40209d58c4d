package org.onedoor.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** How the integration tests boot the real distribution: free ports, test users, the JVM flags of bin/karaf. */
final class HallNodeOptions {

    static final String ADMIN = "admin";
    static final String ADMIN_PW = "it-admin-Secret1";
    static final String OPERATOR = "op1";
    static final String OPERATOR_PW = "it-operator-Secret1";
    static final String VIEWER = "viewer1";
    static final String VIEWER_PW = "it-viewer-Secret1";
    static final String TECHNICIAN = "tech1";
    static final String DEPARTMENT_A17 = "dept.a17";
    static final String DEPARTMENT_A26 = "dept.a26";
    static final String CLERK = "clerk1";
    static final String APPROVER = "approver1";
    static final String SUPERVISOR = "supervisor1";
    static final String KIOSK = "kiosk1";
    /** A back-office approver bound to the police department (A17): decides A17's cases only. */
    static final String APPROVER_A17 = "approver.a17";
    /** One password for the users of the roles added with the user management (each its own line). */
    static final String ROLE_PW = "it-role-Secret1";

    private HallNodeOptions() {
    }

    static Option[] node() throws Exception {
        String distribution = new File(System.getProperty("onedoor.distribution",
                "../karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz")).getAbsolutePath();
        String zoneJar = new File(System.getProperty("onedoor.zone.jar",
                "../bundles/org.onedoor.zone.police/target/org.onedoor.zone.police-0.1.0-SNAPSHOT.jar")).getAbsolutePath();
        String pluginJar = new File(System.getProperty("onedoor.plugin.jar",
                "../bundles/org.onedoor.dept.a26/target/org.onedoor.dept.a26-0.1.0-SNAPSHOT.jar")).getAbsolutePath();
        String sampleXlsx = new File(System.getProperty("onedoor.sample.xlsx", "../docs/samples/A01-catalog-sample.xlsx")).getAbsolutePath();
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl("file:" + distribution).karafVersion("4.4.10")
                    .name("OneDoor").unpackDirectory(new File("target/exam")).useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.base/java.nio=ALL-UNNAMED",
                    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                    "--add-modules=java.se"),
            // tickets at any hour and on any day the build runs (OfficeHoursIT turns the hours on)
            editConfigurationFilePut("etc/org.onedoor.hours.cfg", "enforced", "false"),
            // the node's probe waits for Pax Exam's invoker up to 2 minutes, not 10 s: on a loaded machine the test
            // support bundles may still be installing when the probe starts
            editConfigurationFilePut("etc/system.properties", "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT", "120000"),
            editConfigurationFilePut("etc/org.onedoor.web.cfg", "port", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.onedoor.cluster.cfg", "port", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/users.properties", ADMIN, hashed(ADMIN_PW) + ",_g_:admingroup"),
            editConfigurationFilePut("etc/users.properties", OPERATOR, hashed(OPERATOR_PW) + ",_g_:operatorgroup"),
            editConfigurationFilePut("etc/users.properties", VIEWER, hashed(VIEWER_PW) + ",viewer"),
            editConfigurationFilePut("etc/users.properties", TECHNICIAN, hashed(ROLE_PW) + ",_g_:techniciangroup"),
            editConfigurationFilePut("etc/users.properties", DEPARTMENT_A17, hashed(ROLE_PW) + ",_g_:departmentgroup,dept:A17"),
            editConfigurationFilePut("etc/users.properties", DEPARTMENT_A26, hashed(ROLE_PW) + ",_g_:departmentgroup,dept:A26"),
            editConfigurationFilePut("etc/users.properties", CLERK, hashed(ROLE_PW) + ",_g_:clerkgroup"),
            editConfigurationFilePut("etc/users.properties", APPROVER, hashed(ROLE_PW) + ",_g_:approvergroup"),
            editConfigurationFilePut("etc/users.properties", SUPERVISOR, hashed(ROLE_PW) + ",_g_:supervisorgroup"),
            editConfigurationFilePut("etc/users.properties", KIOSK, hashed(ROLE_PW) + ",_g_:kioskgroup"),
            editConfigurationFilePut("etc/users.properties", APPROVER_A17, hashed(ROLE_PW) + ",_g_:approvergroup,dept:A17"),
            systemProperty("onedoor.it.zoneJar").value(zoneJar),
            systemProperty("onedoor.it.pluginJar").value(pluginJar),
            systemProperty("onedoor.it.sampleXlsx").value(sampleXlsx),
            systemProperty("onedoor.it.demoKeys").value(new File("../bundles/demo-department-keys").getAbsolutePath()),
        };
    }

    /**
     * The password as the node's realm stores it ({@code {CRYPT}pbkdf2-sha256:<rounds>:<salt>:<hash>{CRYPT}},
     * see docs/security.md). The node moves the file's users into the hall database when it starts,
     * hashes unchanged; a clear password would be hashed there with the full 120,000 rounds. The test
     * users take fewer rounds, so the many sign-ins of the tests stay cheap.
     */
    static String hashed(String password) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        int rounds = 10_000;
        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, rounds, 256);
        try {
            byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder().withoutPadding();
            return "{CRYPT}pbkdf2-sha256:" + rounds + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash) + "{CRYPT}";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** @return the HTTP port the node was configured with (read inside the container) */
    static int webPort() throws Exception {
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.onedoor.web.cfg");
        Matcher m = Pattern.compile("(?m)^port\\s*=\\s*(\\d+)").matcher(Files.readString(cfg));
        assertTrue("port in " + cfg, m.find());
        return Integer.parseInt(m.group(1));
    }

    /**
     * Waits until each user can sign in ({@code GET /api/v1/auth/me} answers 200): right after
     * start-up the user realm may still be waiting for its password service.
     */
    static void awaitSignIn(Http http, String password, String... users) throws Exception {
        for (String user : users) {
            await(user + " can sign in", () -> {
                try {
                    return http.getAs("/api/v1/auth/me", user, password).statusCode() == 200;
                } catch (Exception notYet) {
                    return false;
                }
            });
        }
    }

    /** Waits (up to 30 s) until the condition holds, else fails naming it. */
    /**
     * Sets the node's hall clock through Config Admin ({@code org.onedoor.hall setTo}; null: back to the system clock) and
     * waits until the clock reads so. The pid also lives in etc/org.onedoor.hall.cfg, which Karaf's file installer may
     * apply again just after an update, with the file's older content: the update is made again until the clock reads it.
     */
    static void setHallClock(org.osgi.service.cm.ConfigurationAdmin admin, org.onedoor.api.hall.HallClock clock, String setTo,
            java.util.function.Predicate<java.time.LocalDateTime> reads) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (true) {
            org.osgi.service.cm.Configuration hall = admin.getConfiguration("org.onedoor.hall", "?");
            java.util.Dictionary<String, Object> props = hall.getProperties() == null ? new java.util.Hashtable<>() : hall.getProperties();
            if (setTo == null) {
                props.remove("setTo");
            } else {
                props.put("setTo", setTo);
            }
            hall.update(props);
            long tryUntil = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < tryUntil) {
                if (reads.test(java.time.LocalDateTime.now(clock.clock()))) {
                    return;
                }
                Thread.sleep(200);
            }
            if (System.nanoTime() > deadline) {
                fail("the hall's clock does not read " + setTo + " but " + java.time.LocalDateTime.now(clock.clock()));
            }
        }
    }

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(100);
        }
        fail("timed out waiting until " + what);
    }
}
