package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Boots the real OneDoor distribution once and checks what an operator relies on: health,
 * the 11 zones with 192 windows, and zones closed and opened at run time over HTTP, through
 * the feature service, by bundle update and from the console, without touching other zones.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HallNodeIT extends HallNodeTestSupport {

    static final String OPERATOR = HallNodeOptions.OPERATOR;
    static final String OPERATOR_PW = HallNodeOptions.OPERATOR_PW;
    static final String VIEWER = HallNodeOptions.VIEWER;
    static final String VIEWER_PW = HallNodeOptions.VIEWER_PW;

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private SessionFactory sessions;

    @Inject
    private ServiceComponentRuntime components;

    @Before
    public void awaitNode() throws Exception {
        await("the node answers health with 200", () -> {
            try {
                return http.get("/api/v1/health").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("ready means every enabled zone is open", 11, count(http.get("/api/v1/zones").body()));
    }

    /**
     * Every component of OneDoor's bundles can run: each service they offer is fetched (so that a
     * delayed component is built now, not when a citizen first needs it), then no component is left
     * with a missing reference or a failed activation (a constructor the runtime cannot call, an
     * exception while starting).
     */
    @Test
    public void everyComponentOfTheNodeIsSatisfiedAndStarts() throws Exception {
        List<ServiceReference<?>> used = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.onedoor") && b.getRegisteredServices() != null) {
                for (ServiceReference<?> ref : b.getRegisteredServices()) {
                    if (context.getService(ref) != null) {
                        used.add(ref);
                    }
                }
            }
        }
        try {
            List<String> broken = new ArrayList<>();
            for (ComponentDescriptionDTO d : components.getComponentDescriptionDTOs()) {
                if (!d.bundle.symbolicName.startsWith("org.onedoor")) {
                    continue;
                }
                for (ComponentConfigurationDTO c : components.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        broken.add(d.name + " failed to start: " + c.failure);
                    } else if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        broken.add(d.name + " lacks " + Arrays.stream(c.unsatisfiedReferences).map(r -> r.name + " " + r.target).toList());
                    }
                }
            }
            assertTrue(String.join("\n", broken), broken.isEmpty());
            assertFalse("OneDoor's components are listed", used.isEmpty());
        } finally {
            used.forEach(context::ungetService);
        }
    }

    @Test
    public void healthReportsNodeClusterAndUptime() throws Exception {
        HttpResponse<String> health = http.get("/api/v1/health");
        assertEquals(200, health.statusCode());
        String body = health.body();
        assertTrue(body, body.contains("\"status\":\"UP\""));
        assertTrue(body, body.matches("(?s).*\"nodeId\":\"node-[0-9a-f]{8}\".*"));
        assertTrue(body, body.contains("\"local\":true"));
        assertTrue(body, body.matches("(?s).*\"uptimeSeconds\":\\d+.*"));
        assertTrue(body, body.contains("\"store\":\"UP\""));
        assertTrue(body, body.contains("\"startup\":\"UP\""));
        assertEquals(200, http.get("/api/v1/health/live").statusCode());

        HttpResponse<String> openapi = http.get("/api/v1/openapi.yaml");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().startsWith("openapi: 3"));

        HttpResponse<String> missing = http.get("/api/v1/no-such-thing");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(missing.body().contains("\"code\":\"not-found\""));
        assertFalse(missing.body().contains("Exception"));

        HttpResponse<String> badFilter = http.get("/api/v1/zones?state=closed");
        assertEquals(400, badFilter.statusCode());
        assertTrue(badFilter.body().contains("\"code\":\"invalid-state-filter\""));
    }

    @Test
    public void theHallHasElevenZonesWith192Windows() throws Exception {
        String zones = http.get("/api/v1/zones").body();
        assertEquals(11, count(zones));
        assertTrue(zones, zones.contains("\"windowCount\":192,"));
        String police = http.get("/api/v1/zones/police").body();
        assertTrue(police, police.contains("\"nameZh\":\"公安业务综合受理区\""));
        assertTrue(police, police.contains("\"firstWindow\":97") && police.contains("\"lastWindow\":136"));
        assertTrue(police, police.contains("\"labelZh\":\"136号窗口\""));
    }

    @Test
    public void operatorClosesAndReopensAZoneOverHttpAndItsNoticeIsKept() throws Exception {
        String otherSince = since("real-estate");
        assertEquals(401, http.post("/api/v1/zones/police/disable", null, null).statusCode());
        HttpResponse<String> wrongRole = http.post("/api/v1/zones/police/disable", VIEWER, VIEWER_PW);
        assertEquals(403, wrongRole.statusCode());
        assertTrue(wrongRole.body().contains("\"code\":\"forbidden\""));
        assertEquals(404, http.post("/api/v1/zones/atlantis/disable", OPERATOR, OPERATOR_PW).statusCode());
        assertEquals(11, count(http.get("/api/v1/zones").body()));

        HttpResponse<String> notice = http.putJson("/api/v1/zones/police/notice",
                "{\"text\":\"出入境窗口今日16:00后暂停受理\"}", OPERATOR, OPERATOR_PW);
        assertEquals(notice.body(), 200, notice.statusCode());
        assertEquals(400, http.putJson("/api/v1/zones/police/notice", "{\"text\":", OPERATOR, OPERATOR_PW).statusCode());
        assertEquals(400, http.putJson("/api/v1/zones/police/notice", "{\"text\":\"   \"}", OPERATOR, OPERATOR_PW).statusCode());

        HttpResponse<String> disabled = http.post("/api/v1/zones/police/disable", OPERATOR, OPERATOR_PW);
        assertEquals(disabled.body(), 200, disabled.statusCode());
        assertTrue(disabled.body(), disabled.body().contains("\"state\":\"DISABLED\""));
        await("police leaves /api/v1/zones", () -> !http.get("/api/v1/zones").body().contains("\"id\":\"police\""));
        String zones = http.get("/api/v1/zones").body();
        assertEquals(10, count(zones));
        assertTrue(zones.contains("\"windowCount\":152,"));
        assertTrue(http.get("/api/v1/zones?state=all").body().contains("\"state\":\"DISABLED\""));
        assertTrue(http.get("/api/v1/zones/police/notice").body().contains("出入境窗口今日16:00后暂停受理"));

        HttpResponse<String> enabled = http.post("/api/v1/zones/police/enable", OPERATOR, OPERATOR_PW);
        assertEquals(enabled.body(), 200, enabled.statusCode());
        await("police is back", () -> count(http.get("/api/v1/zones").body()) == 11);
        assertTrue(http.get("/api/v1/zones/police").body().contains("出入境窗口今日16:00后暂停受理"));
        assertEquals("the other zones were not touched", otherSince, since("real-estate"));
    }

    @Test
    public void featureUninstallAndInstallCloseAndOpenTheZone() throws Exception {
        String otherSince = since("police");
        features.uninstallFeature("onedoor-zone-tax", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("tax leaves /api/v1/zones", () -> !http.get("/api/v1/zones").body().contains("\"id\":\"tax\""));
        assertEquals(10, count(http.get("/api/v1/zones").body()));
        assertEquals(200, http.get("/api/v1/health").statusCode());

        features.installFeature("onedoor-zone-tax", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("tax is back", () -> http.get("/api/v1/zones").body().contains("\"id\":\"tax\""));
        assertEquals(otherSince, since("police"));
    }

    @Test
    public void bundleUpdateReplacesTheZoneDescriptorInPlace() throws Exception {
        Bundle zone = bundle("org.onedoor.zone.medical-insurance");
        long id = zone.getBundleId();
        Path original = Path.of(System.getProperty("onedoor.it.zoneJar"));
        byte[] updated = Jars.copy(original, "onedoor/zone.json",
                json -> json.replace("\"nameEn\": \"Public security\"", "\"nameEn\": \"Public security and immigration\""), Map.of());
        Bundle police = bundle("org.onedoor.zone.police");
        try (InputStream in = new java.io.ByteArrayInputStream(updated)) {
            police.update(in);
        }
        await("the updated descriptor is served", () -> http.get("/api/v1/zones/police").body()
                .contains("\"nameEn\":\"Public security and immigration\""));
        assertEquals(police.getBundleId(), bundle("org.onedoor.zone.police").getBundleId());
        assertEquals(11, count(http.get("/api/v1/zones").body()));
        assertEquals(id, bundle("org.onedoor.zone.medical-insurance").getBundleId());

        try (InputStream in = Files.newInputStream(original)) {
            police.update(in);
        }
        await("the original descriptor is back", () -> http.get("/api/v1/zones/police").body()
                .contains("\"nameEn\":\"Public security\""));
    }

    @Test
    public void consoleCommandsListAndSwitchZones() throws Exception {
        String listing = shell("onedoor:zones");
        assertTrue(listing, listing.contains("192 windows in the listed zones"));
        assertTrue(listing, listing.contains("公安业务综合受理区"));

        String off = shell("onedoor:zone-disable enterprise");
        assertTrue(off, off.contains("Zone enterprise disabled"));
        await("enterprise leaves /api/v1/zones", () -> !http.get("/api/v1/zones").body().contains("\"id\":\"enterprise\""));
        assertTrue(shell("onedoor:zone-disable enterprise").contains("already disabled"));
        assertTrue(shell("onedoor:zones --all").contains("DISABLED"));

        String on = shell("onedoor:zone-enable enterprise");
        assertTrue(on, on.contains("Zone enterprise enabled"));
        await("enterprise is back", () -> http.get("/api/v1/zones").body().contains("\"id\":\"enterprise\""));

        try {
            shellAs("onedoor:zone-disable police", "viewer");
            fail("a viewer must not close zones");
        } catch (Exception e) {
            assertTrue(e.toString(), e.toString().contains("Insufficient credentials") || e.toString().contains("not found"));
        }
        assertTrue(http.get("/api/v1/zones").body().contains("\"id\":\"police\""));

        try {
            shell("onedoor:zone-enable atlantis");
            fail("an unknown zone must be refused");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Unknown zone 'atlantis'"));
        }
    }

    private String shell(String command) throws Exception {
        return shellAs(command, "operator", "viewer");
    }

    private String shellAs(String command, String... roles) throws Exception {
        return new Console(sessions).run(command, roles);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private String since(String zoneId) throws Exception {
        Matcher m = Pattern.compile("\"since\":\"([^\"]+)\"").matcher(http.get("/api/v1/zones/" + zoneId).body());
        assertTrue(m.find());
        return m.group(1);
    }

    private static int count(String zonesJson) {
        Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(zonesJson);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        HallNodeOptions.await(what, condition);
    }
}
