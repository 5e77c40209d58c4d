package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Trusted department plug-ins on the real node: the shipped plug-ins are signed with their
 * departments' (demo) keys and run; an unsigned plug-in, one signed with another department's key
 * and a tampered one are refused: never resolved, nothing registered, uninstalled, listed by
 * {@code onedoor:plugins} and recorded in the audit trail as {@code plugin-refused}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginTrustIT extends HallNodeTestSupport {

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    @Before
    public void awaitCatalog() throws Exception {
        HallNodeOptions.awaitSignIn(http, HallNodeOptions.ADMIN_PW, HallNodeOptions.ADMIN);
        await("the full catalog is offered", () -> {
            try {
                return offered() == 1224;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private int offered() throws Exception {
        return json("/api/v1/departments").getInteger("offeredMatters");
    }

    private JsonArray refusals() throws Exception {
        HttpResponse<String> r = http.getAs("/api/v1/admin/audit?action=plugin-refused&limit=100", HallNodeOptions.ADMIN,
                HallNodeOptions.ADMIN_PW);
        assertEquals(r.body(), 200, r.statusCode());
        return new JsonObject(r.body()).getJsonArray("records");
    }

    private boolean refusedInAudit(String symbolicName, String reason) throws Exception {
        return refusals().stream().map(JsonObject.class::cast).anyMatch(r -> r.getString("target").startsWith(symbolicName + "/")
                && r.getString("outcome").equals("refused") && r.getString("detail").contains(reason));
    }

    private static String log() throws Exception {
        return Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
    }

    /** A copy of the shipped A26 plug-in under another name, with one matter renamed. */
    private static byte[] a26Copy(String symbolicName) throws Exception {
        return Jars.copy(Path.of(System.getProperty("onedoor.it.pluginJar")), "onedoor/matters.json",
                text -> text.replace("住房公积金提取（购买自住住房）", "住房公积金提取（冒名）"), Map.of("Bundle-SymbolicName", symbolicName));
    }

    private void assertRefusedAtInstall(byte[] jar, String symbolicName, String reason) throws Exception {
        Bundle b = context.installBundle("test:" + symbolicName, new ByteArrayInputStream(jar));
        long id = b.getBundleId();
        try {
            try {
                b.start();
                fail(symbolicName + " started");
            } catch (BundleException | IllegalStateException expected) {
                // the resolver hook keeps it from resolving, and the gate uninstalls it
            }
            await("the refused plug-in is uninstalled", () -> b.getState() == Bundle.UNINSTALLED);
            assertNull("it registered services", context.getServiceReferences((String) null, "(service.bundleid=" + id + ")"));
            assertEquals(1224, offered());
            assertEquals(30, (int) json("/api/v1/departments/A26").getInteger("offeredMatters"));
            await("the refusal is in the audit trail", () -> refusedInAudit(symbolicName, reason));
            assertTrue(log().contains("REFUSED " + symbolicName));
            String listed = new Console(sessions).run("onedoor:plugins", "viewer");
            assertTrue(listed, listed.lines().anyMatch(l -> l.contains(symbolicName) && l.contains("REMOVED") && l.contains("已拒绝 REFUSED")));
            assertTrue(listed, listed.lines().anyMatch(l -> l.contains("org.onedoor.dept.a17") && l.contains("可信 trusted")));
            String called = new Console(sessions).run("onedoor:departments", "viewer");
            assertTrue("the console still works after the refusal", called.contains("A26"));
        } finally {
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
    }

    @Test
    public void theShippedPluginsAreSignedAndRun() throws Exception {
        for (String name : new String[] {"org.onedoor.dept.a15", "org.onedoor.dept.a17", "org.onedoor.dept.a26", "org.onedoor.catalog.hall"}) {
            Bundle b = null;
            for (Bundle each : context.getBundles()) {
                if (each.getSymbolicName().equals(name)) {
                    b = each;
                }
            }
            assertTrue(name, b != null && b.getState() == Bundle.ACTIVE);
        }
        assertTrue(refusals().encode(), refusals().stream().map(JsonObject.class::cast)
                .noneMatch(r -> r.getString("target").startsWith("org.onedoor.dept.a") || r.getString("target").startsWith("org.onedoor.catalog")));
    }

    @Test
    public void anUnsignedPluginIsRefusedAndRegistersNothing() throws Exception {
        assertRefusedAtInstall(Jars.unsigned(a26Copy("org.onedoor.dept.unsigned")), "org.onedoor.dept.unsigned", "unsigned");
    }

    @Test
    public void aPluginSignedWithAnotherDepartmentsKeyIsRefused() throws Exception {
        assertRefusedAtInstall(Signing.sign(a26Copy("org.onedoor.dept.foreign"), "A17"), "org.onedoor.dept.foreign",
                "not a key registered for department A26");
    }

    @Test
    public void aTamperedPluginIsRefused() throws Exception {
        byte[] signed = Signing.sign(a26Copy("org.onedoor.dept.tampered"), "A26");
        byte[] tampered = Jars.copy(Path.of(writeTemp(signed)), "onedoor/matters.json",
                text -> text.replace("住房公积金提取（冒名）", "住房公积金提取（再次冒名）"), Map.of());
        assertRefusedAtInstall(tampered, "org.onedoor.dept.tampered", "tampered");
    }

    @Test
    public void aPluginSignedWithItsDepartmentsKeyIsAccepted() throws Exception {
        byte[] signed = Signing.sign(Jars.copy(Path.of(System.getProperty("onedoor.it.pluginJar")), "onedoor/matters.json",
                text -> text.replace("\"A26-001\"", "\"A26-901\"").replace("\"A26-002\"", "\"A26-902\""),
                Map.of("Bundle-SymbolicName", "org.onedoor.dept.signed")), "A26");
        Bundle b = context.installBundle("test:org.onedoor.dept.signed", new ByteArrayInputStream(signed));
        try {
            b.start();
            assertEquals(Bundle.ACTIVE, b.getState());
        } finally {
            b.uninstall();
        }
    }

    @Test
    public void theTrailStaysIntact() throws Exception {
        HttpResponse<String> r = http.getAs("/api/v1/admin/audit/verify", HallNodeOptions.ADMIN, HallNodeOptions.ADMIN_PW);
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.body(), new JsonObject(r.body()).getBoolean("intact"));
    }

    private static String writeTemp(byte[] jar) throws Exception {
        Path p = Files.createTempFile("tampered", ".jar");
        Files.write(p, jar);
        p.toFile().deleteOnExit();
        return p.toString();
    }
}
