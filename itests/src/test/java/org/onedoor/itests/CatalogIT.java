package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * The matter catalog on the real node: 49 units and 1,224 matters by default, department
 * plug-ins installed, uninstalled and updated at run time, and a plug-in that registers another
 * department's matter refused whole.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogIT extends HallNodeTestSupport {

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private SessionFactory sessions;

    @Before
    public void awaitCatalog() throws Exception {
        HallNodeOptions.awaitSignIn(http, HallNodeOptions.OPERATOR_PW, HallNodeOptions.OPERATOR);
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

    private int offeredBy(String unit) throws Exception {
        return json("/api/v1/departments/" + unit).getInteger("offeredMatters");
    }

    @Test
    public void everyUnitOffersItsEnteringMatters() throws Exception {
        JsonObject all = json("/api/v1/departments");
        assertEquals(49, (int) all.getInteger("count"));
        assertEquals(1224, (int) all.getInteger("offeredMatters"));
        for (Object o : all.getJsonArray("departments")) {
            JsonObject d = (JsonObject) o;
            assertEquals(d.getString("id"), d.getInteger("enteringMatters"), d.getInteger("offeredMatters"));
        }
        JsonObject police = json("/api/v1/departments/A17");
        assertEquals("市公安局", police.getString("nameZh"));
        assertEquals("police", police.getString("zoneId"));
        assertEquals(98, police.getJsonArray("matters").size());
        assertEquals(404, http.get("/api/v1/departments/Z99").statusCode());
    }

    @Test
    public void mattersAreFoundByChineseTextAndCarryTheirRules() throws Exception {
        JsonObject found = json("/api/v1/matters?q=" + java.net.URLEncoder.encode("护照", "UTF-8"));
        assertEquals(1, (int) found.getInteger("total"));
        assertEquals("A17-001", found.getJsonArray("matters").getJsonObject(0).getString("code"));

        JsonObject passport = json("/api/v1/matters/A17-001");
        assertEquals("120", passport.getString("fee"));
        assertEquals(7, (int) passport.getInteger("committedDays"));
        assertTrue(passport.getBoolean("windowSignOffAllowed"));
        JsonArray materials = passport.getJsonArray("materials");
        assertEquals("MAIN", materials.getJsonObject(0).getString("kind"));
        assertEquals("TOLERABLE", materials.getJsonObject(2).getString("kind"));

        JsonObject firstRegistration = json("/api/v1/matters/A15-003");
        assertFalse(firstRegistration.getBoolean("windowSignOffAllowed"));
        assertEquals(2, firstRegistration.getJsonArray("specialSteps").size());

        assertEquals(30, (int) json("/api/v1/matters?department=A26&limit=500").getInteger("total"));
        assertEquals(400, http.get("/api/v1/matters?department=Z99").statusCode());
        assertEquals(400, http.get("/api/v1/matters?limit=0").statusCode());
        assertEquals(404, http.get("/api/v1/matters/A17-999").statusCode());
    }

    @Test
    public void aPluginsValidatorChecksApplications() throws Exception {
        HttpResponse<String> r = http.postJson("/api/v1/matters/A26-002/check",
                "{\"fields\": {\"accountNumber\": \"4117020012345678\", \"monthlyRent\": \"3000\"}}");
        assertEquals(r.body(), 200, r.statusCode());
        JsonObject result = new JsonObject(r.body());
        assertFalse(result.getBoolean("passed"));
        assertTrue(result.getJsonArray("problems").getString(0).contains("1500"));
    }

    @Test
    public void uninstallingAndInstallingAPluginRemovesAndRestoresItsMatters() throws Exception {
        features.uninstallFeature("onedoor-dept-a26", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("the fund's matters are gone", () -> offeredBy("A26") == 0);
        assertEquals(1224 - 30, offered());
        assertEquals(404, http.get("/api/v1/matters/A26-001").statusCode());

        features.installFeature("onedoor-dept-a26", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("the fund's matters are back", () -> offeredBy("A26") == 30);
        assertEquals(1224, offered());
    }

    @Test
    public void updatingAPluginReplacesItsMatters() throws Exception {
        Bundle plugin = bundle("org.onedoor.dept.a26");
        String before = json("/api/v1/matters/A26-001").getString("revision");
        Path original = Path.of(System.getProperty("onedoor.it.pluginJar"));
        byte[] updated = Signing.sign(Jars.copy(original, "onedoor/matters.json",
                text -> text.replace("住房公积金提取（购买自住住房）", "住房公积金提取（购买、建造自住住房）"), Map.of()), "A26");
        try (InputStream in = new ByteArrayInputStream(updated)) {
            plugin.update(in);
        }
        await("the updated name is offered", () -> json("/api/v1/matters/A26-001").getString("nameZh").contains("建造"));
        assertNotEquals(before, json("/api/v1/matters/A26-001").getString("revision"));
        assertEquals(30, offeredBy("A26"));

        try (InputStream in = Files.newInputStream(original)) {
            plugin.update(in);
        }
        await("the original name is back", () -> !json("/api/v1/matters/A26-001").getString("nameZh").contains("建造"));
    }

    @Test
    public void aPluginThatRegistersAnotherDepartmentsMatterIsRefusedWhole() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", "org.onedoor.dept.rogue");
        headers.put("Bundle-Version", "1.0.0");
        headers.put("OneDoor-Department", "A26");
        headers.put("OneDoor-Catalog", "onedoor/matters.json");
        String catalog = "{\"format\": \"onedoor-catalog/1\", \"department\": \"A26\", \"matters\": ["
                + "{\"code\": \"A26-901\", \"nameZh\": \"住房公积金冒名事项\", \"type\": \"PUBLIC_SERVICE\", \"statutoryDays\": 1, \"committedDays\": 1},"
                + "{\"code\": \"A17-901\", \"departmentId\": \"A17\", \"nameZh\": \"冒名护照事项\", \"type\": \"PUBLIC_SERVICE\", \"statutoryDays\": 1, \"committedDays\": 1}]}";
        Bundle rogue = context.installBundle("test:rogue",
                new ByteArrayInputStream(Signing.sign(Jars.bundle(headers, Map.of("onedoor/matters.json", catalog)), "A26")));
        try {
            rogue.start();
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            await("the refusal is logged", () -> Files.readString(log).contains("refused the matters of org.onedoor.dept.rogue"));
            assertTrue(Files.readString(log).contains("A17-901 belongs to department A17"));
            assertEquals(404, http.get("/api/v1/matters/A17-901").statusCode());
            assertEquals(404, http.get("/api/v1/matters/A26-901").statusCode());
            assertEquals(1224, offered());
        } finally {
            rogue.uninstall();
        }
    }

    static final String NEW_MATTERS = "{\"format\": \"onedoor-catalog/1\", \"department\": \"A01\", \"matters\": ["
            + "{\"code\": \"A01-901\", \"nameZh\": \"食品经营许可（仅销售预包装食品备案）\", \"type\": \"OTHER_POWER\","
            + " \"materials\": [{\"name\": \"营业执照\", \"kind\": \"MAIN\"}], \"statutoryDays\": 5, \"committedDays\": 0,"
            + " \"immediate\": true}]}";

    @Test
    public void anOperatorLoadsACatalogFileOverHttpAndABadFileLoadsNothing() throws Exception {
        String op = HallNodeOptions.OPERATOR;
        String pw = HallNodeOptions.OPERATOR_PW;
        assertEquals(401, http.putJson("/api/v1/catalog/files/extra", NEW_MATTERS, null, null).statusCode());
        assertEquals(403, http.putJson("/api/v1/catalog/files/extra", NEW_MATTERS, HallNodeOptions.VIEWER, HallNodeOptions.VIEWER_PW).statusCode());

        String broken = NEW_MATTERS.replace("\"committedDays\": 0", "\"committedDays\": \"soon\"");
        HttpResponse<String> refused = http.putJson("/api/v1/catalog/files/extra", broken, op, pw);
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("matter #1 (A01-901)") && refused.body().contains("committedDays"));
        HttpResponse<String> unknownUnit = http.putJson("/api/v1/catalog/files/extra", NEW_MATTERS.replace("A01", "Z77"), op, pw);
        assertEquals(400, unknownUnit.statusCode());
        assertTrue(unknownUnit.body(), unknownUnit.body().contains("unknown unit 'Z77'"));
        HttpResponse<String> taken = http.putJson("/api/v1/catalog/files/extra",
                NEW_MATTERS.replace("A01", "A17").replace("A17-901", "A17-001"), op, pw);
        assertEquals(400, taken.statusCode());
        assertTrue(taken.body(), taken.body().contains("already offered"));
        assertEquals(1224, offered());
        assertEquals(404, http.get("/api/v1/matters/A01-901").statusCode());

        HttpResponse<String> loaded = http.putJson("/api/v1/catalog/files/extra", NEW_MATTERS, op, pw);
        assertEquals(loaded.body(), 200, loaded.statusCode());
        await("the new matter is offered", () -> http.get("/api/v1/matters/A01-901").statusCode() == 200);
        assertEquals(1225, offered());
        assertTrue(http.putJson("/api/v1/catalog/files/extra", NEW_MATTERS, op, pw).statusCode() == 200);
        assertEquals("reloading under the same name replaces the file", 1225, offered());

        assertEquals(204, http.delete("/api/v1/catalog/files/extra", op, pw).statusCode());
        await("the new matter is withdrawn", () -> http.get("/api/v1/matters/A01-901").statusCode() == 404);
        assertEquals(1224, offered());
    }

    @Test
    public void anOperatorReplacesTheOneThingListWithTheHallsOwnAndABadOneChangesNothing() throws Exception {
        String op = HallNodeOptions.OPERATOR;
        String pw = HallNodeOptions.OPERATOR_PW;
        String list = "{\"format\": \"onedoor-one-things/1\", \"oneThings\": [{\"code\": \"OT01\", \"nameZh\": \"二手房买卖及公积金贷款“一件事”\","
                + " \"matters\": [\"A15-001\", \"A26-006\"], \"note\": \"大厅公布的清单\"}]}";
        assertEquals(403, http.putJson("/api/v1/one-things", list, HallNodeOptions.VIEWER, HallNodeOptions.VIEWER_PW).statusCode());
        HttpResponse<String> refused = http.putJson("/api/v1/one-things", list.replace("A26-006", "A26-999"), op, pw);
        JsonObject problem = new JsonObject(refused.body());
        assertEquals(refused.body(), 400, refused.statusCode());
        assertEquals("invalid-one-things", problem.getString("code"));
        assertEquals("oneThings[0].matters[1]", problem.getString("field"));
        assertEquals("nothing changed", 20, new JsonObject(http.get("/api/v1/one-things").body()).getInteger("count").intValue());

        HttpResponse<String> loaded = http.putJson("/api/v1/one-things", list, op, pw);
        assertEquals(loaded.body(), 200, loaded.statusCode());
        JsonObject served = new JsonObject(http.get("/api/v1/one-things").body());
        assertEquals(served.encode(), 1, served.getInteger("count").intValue());
        assertEquals(true, served.getJsonObject("list").getBoolean("loaded"));
        assertEquals(op, served.getJsonObject("list").getString("loadedBy"));
        JsonObject entry = served.getJsonArray("oneThings").getJsonObject(0);
        assertEquals(false, entry.getBoolean("placeholder"));
        assertTrue(entry.encode(), entry.getJsonArray("departmentIds").encode().equals("[\"A15\",\"A26\"]"));

        assertEquals(200, http.delete("/api/v1/one-things", op, pw).statusCode());
        JsonObject back = new JsonObject(http.get("/api/v1/one-things").body());
        assertEquals("the shipped list again", 20, back.getInteger("count").intValue());
        assertEquals(false, back.getJsonObject("list").getBoolean("loaded"));
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** @return the workbook with one cell of sheet 事项 changed (row and column counted from 0), written with POI in the node */
    private static byte[] withCell(byte[] workbook, int row, int column, String value) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(org.apache.poi.xssf.usermodel.XSSFWorkbook.class.getClassLoader());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(workbook));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            wb.getSheet("事项").getRow(row).getCell(column).setCellValue(value);
            wb.write(out);
            return out.toByteArray();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    public void aUnitsCatalogSpreadsheetReplacesItsSlotsAndABadOneChangesNothing() throws Exception {
        String op = HallNodeOptions.OPERATOR;
        String pw = HallNodeOptions.OPERATOR_PW;
        Path samplePath = Path.of(System.getProperty("onedoor.it.sampleXlsx"));
        byte[] sample = Files.readAllBytes(samplePath);
        JsonObject slot = json("/api/v1/matters/A01-001");
        assertTrue("a numbered entry says it is a slot", slot.getBoolean("slot"));
        assertFalse(slot.getBoolean("atMostOneTrip"));
        assertFalse(slot.getBoolean("immediate"));

        HttpResponse<String> refused = http.putBytes("/api/v1/catalog/files/a01.xlsx", withCell(sample, 2, 9, "十天"), XLSX, op, pw);
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("sheet 事项, row 3, column J (法定办结时限)"));
        assertTrue("a refused spreadsheet changes nothing", json("/api/v1/matters/A01-001").getBoolean("slot"));
        assertFalse(http.getAs("/api/v1/catalog/files", op, pw).body().contains("a01.xlsx"));

        HttpResponse<String> loaded = http.putBytes("/api/v1/catalog/files/a01.xlsx", sample, XLSX, op, pw);
        assertEquals(loaded.body(), 200, loaded.statusCode());
        assertEquals(3, (int) new JsonObject(loaded.body()).getInteger("matters"));
        await("the unit's described matter replaces the slot", () -> !json("/api/v1/matters/A01-001").getBoolean("slot"));
        JsonObject company = json("/api/v1/matters/A01-001");
        assertEquals("有限责任公司设立登记", company.getString("nameZh"));
        assertEquals(3, (int) company.getInteger("statutoryDays"));
        assertTrue(company.getJsonObject("elements").getString("legalBasis").contains("市场主体登记管理条例"));
        assertEquals(4, company.getJsonArray("materials").size());
        assertEquals("A01 still offers its count", 69, offeredBy("A01"));
        assertEquals(1224, offered());

        assertEquals(204, http.delete("/api/v1/catalog/files/a01.xlsx", op, pw).statusCode());
        await("the slot is back", () -> json("/api/v1/matters/A01-001").getBoolean("slot"));

        Console console = new Console(sessions);
        assertTrue(console.run("onedoor:catalog-load --name a01-console.xlsx " + samplePath, "operator").contains("3 matters are offered"));
        await("the console's spreadsheet is offered", () -> !json("/api/v1/matters/A01-003").getBoolean("slot"));
        console.run("onedoor:catalog-unload a01-console.xlsx", "operator");
        await("the console's spreadsheet is withdrawn", () -> json("/api/v1/matters/A01-003").getBoolean("slot"));
    }

    @Test
    public void theConsoleLoadsACatalogFileFromTheNode() throws Exception {
        Path file = Files.createTempFile("catalog", ".json");
        Files.writeString(file, NEW_MATTERS.replace("A01-901", "A01-902"));
        Console console = new Console(sessions);
        assertTrue(console.run("onedoor:catalog-load --name console-extra " + file, "operator").contains("1 matters are offered"));
        await("the console's matter is offered", () -> http.get("/api/v1/matters/A01-902").statusCode() == 200);
        assertTrue(console.run("onedoor:matters --department A01 食品经营", "viewer").contains("A01-902"));
        assertTrue(console.run("onedoor:catalog-unload", "operator").contains("console-extra"));
        console.run("onedoor:catalog-unload console-extra", "operator");
        await("the console's matter is withdrawn", () -> http.get("/api/v1/matters/A01-902").statusCode() == 404);
        try {
            console.run("onedoor:catalog-load /no/such/file.json", "operator");
            org.junit.Assert.fail("a missing file must be refused");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("No file"));
        }
    }

    @Test
    public void aConfirmedCancellationIsAnnouncedAndTakesTheMatterOut() throws Exception {
        String op = HallNodeOptions.OPERATOR;
        String pw = HallNodeOptions.OPERATOR_PW;
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String request = "{\"kind\": \"CANCEL\", \"code\": \"A17-025\", \"effectiveDate\": \"" + today + "\","
                + " \"reason\": \"户籍证明事项取消，改为部门间核验\"}";
        assertEquals(401, http.postJson("/api/v1/matter-changes", request).statusCode());
        HttpResponse<String> bad = http.postJsonAs("/api/v1/matter-changes", request.replace("CANCEL", "DELETE"), op, pw);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("invalid-kind"));

        HttpResponse<String> filed = http.postJsonAs("/api/v1/matter-changes", request, op, pw);
        assertEquals(filed.body(), 201, filed.statusCode());
        JsonObject change = new JsonObject(filed.body());
        assertEquals("FILED", change.getString("status"));
        assertFalse(change.getBoolean("overdue"));
        long id = change.getLong("id");
        assertEquals(200, http.get("/api/v1/matters/A17-025").statusCode());
        assertTrue(http.getAs("/api/v1/matter-changes", op, pw).body().contains("\"id\":" + id));

        HttpResponse<String> confirmed = http.postJsonAs("/api/v1/matter-changes/" + id + "/confirm", "{}", op, pw);
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        await("the cancelled matter is out of the catalog", () -> http.get("/api/v1/matters/A17-025").statusCode() == 404);
        assertEquals(97, offeredBy("A17"));
        assertTrue(http.get("/api/v1/announcements").body().contains("户籍证明事项取消"));
        assertTrue(http.get("/api/v1/matters/A17-025/history").body().contains("\"kind\":\"CANCEL\""));
        assertEquals(409, http.postJsonAs("/api/v1/matter-changes/" + id + "/confirm", "{}", op, pw).statusCode());

        String readd = "{\"kind\": \"ADD\", \"code\": \"A17-025\", \"effectiveDate\": \"" + today + "\", \"reason\": \"恢复受理\","
                + " \"matter\": {\"code\": \"A17-025\", \"departmentId\": \"A17\", \"nameZh\": \"户籍证明开具\", \"type\": \"PUBLIC_SERVICE\","
                + " \"statutoryDays\": 1, \"committedDays\": 0, \"immediate\": true}}";
        HttpResponse<String> added = http.postJsonAs("/api/v1/matter-changes", readd, op, pw);
        assertEquals(added.body(), 201, added.statusCode());
        http.postJsonAs("/api/v1/matter-changes/" + new JsonObject(added.body()).getLong("id") + "/confirm", "{}", op, pw);
        await("the matter is back", () -> http.get("/api/v1/matters/A17-025").statusCode() == 200);
        assertEquals(98, offeredBy("A17"));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
