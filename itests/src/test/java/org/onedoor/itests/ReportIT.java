package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The hall's reports on the real node (R19, R5, R12): two passport cases of the police (A17) and one case of the
 * matters-only statistics bureau (B01) accepted at windows, two slow-handling complaints against B01 and a fee complaint
 * against A17; this month's report built on demand by a supervisor over HTTP, its units' figures checked against the cases
 * it was built from (read back from the node) with B01 crossing R5 by complaints, the same warnings on the live alert list,
 * the report read back, listed, and its kept PDF and XLSX files fetched (the workbook's cells read with POI); other roles
 * and bad input refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportIT extends HallNodeTestSupport {

    static final String PW = HallNodeOptions.ROLE_PW;
    static final String SUP = HallNodeOptions.SUPERVISOR;
    static final String PASSPORT = "[\"申请人居民身份证\", \"近期免冠彩色照片\"]";
    static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    @Before
    public void awaitNode() throws Exception {
        await("the police matters are offered", () -> {
            try {
                return http.get("/api/v1/matters/A17-001").statusCode() == 200 && http.get("/api/v1/zones").body().contains("\"count\":11");
            } catch (Exception e) {
                return false;
            }
        });
        HallNodeOptions.awaitSignIn(http, PW, HallNodeOptions.CLERK, SUP);
    }

    private HttpResponse<byte[]> bytes(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SUP + ":" + PW).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Issues a ticket of the zone and calls it to the window for the clerk. */
    private void callTicketTo(String zone, int window) throws Exception {
        ok(http.postJson("/api/v1/tickets", "{\"zone\": \"" + zone + "\"}"), 201);
        ok(http.postJsonAs("/api/v1/windows/" + window + "/sign-in", "{}", HallNodeOptions.CLERK, PW), 200);
        ok(http.postJsonAs("/api/v1/windows/" + window + "/call-next", "{}", HallNodeOptions.CLERK, PW), 200);
    }

    private String accept(String matter, String materials, int window) throws Exception {
        return ok(http.postJsonAs("/api/v1/cases", "{\"matter\": \"" + matter + "\", \"applicant\": {\"name\": \"张三\","
                + " \"idNumber\": \"411702199003074515\"}, \"materials\": " + materials + ", \"window\": " + window + "}",
                HallNodeOptions.CLERK, PW), 201).getString("number");
    }

    private String complain(String kind, String unit, String text) throws Exception {
        return ok(http.postJson("/api/v1/complaints", "{\"channel\": \"CITIZEN_PAGE\", \"kind\": \"" + kind + "\", \"complainant\": \"王小红\","
                + " \"phone\": \"13812345678\", \"departmentId\": \"" + unit + "\", \"text\": \"" + text + "\"}"), 201).getString("number");
    }

    /**
     * The figures a unit's row must show, computed here from the cases as the node gives them (committed days,
     * deadline, channel, decision) and their matters as the catalogue gives them (statutory days, one trip), by the
     * rules of docs/reports.md; complaints as filed.
     */
    private JsonObject expected(List<String> numbers, int complaints, int slow) throws Exception {
        int accepted = 0, decided = 0, overdue = 0, immediate = 0, noVisit = 0, oneTrip = 0, compressionCases = 0;
        double compression = 0;
        LocalDate today = LocalDate.now(HALL);
        for (String no : numbers) {
            JsonObject c = ok(http.getAs("/api/v1/cases/" + no, HallNodeOptions.CLERK, PW), 200);
            JsonObject m = ok(http.get("/api/v1/matters/" + c.getJsonObject("matter").getString("code")), 200);
            accepted++;
            if (c.getString("decidedAt") != null) {
                decided++;
            } else if (LocalDate.parse(c.getString("deadline")).isBefore(today)) {
                overdue++;
            }
            immediate += c.getInteger("committedDays") == 0 ? 1 : 0;
            noVisit += "ONLINE".equals(c.getString("channel")) ? 1 : 0;
            oneTrip += m.getBoolean("atMostOneTrip") ? 1 : 0;
            int statutory = m.getInteger("statutoryDays");
            if (statutory > 0) {
                compressionCases++;
                compression += 1.0 - Math.min(c.getInteger("committedDays"), statutory) / (double) statutory;
            }
        }
        return new JsonObject().put("accepted", accepted).put("decided", decided).put("overdue", overdue).put("immediate", immediate)
                .put("noVisit", noVisit).put("oneTrip", oneTrip).put("compressionCases", compressionCases)
                .put("compression", compressionCases == 0 ? 0.0 : Math.round(compression / compressionCases * 10000.0) / 10000.0)
                .put("complaints", complaints).put("slowComplaints", slow)
                .put("points", accepted - 2 * overdue - 2 * complaints);
    }

    private static JsonObject row(JsonArray rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getJsonObject(i).getString("key").equals(key)) {
                return rows.getJsonObject(i);
            }
        }
        throw new AssertionError("no row " + key + " in " + rows.encode());
    }

    private static void sameFigures(String unit, JsonObject expected, JsonObject row) {
        for (String field : List.of("accepted", "decided", "overdue", "immediate", "noVisit", "oneTrip", "compressionCases",
                "complaints", "slowComplaints", "points")) {
            assertEquals(unit + " " + field + " in " + row.encode(), expected.getInteger(field), row.getInteger(field));
        }
        assertEquals(unit + " compression in " + row.encode(), expected.getDouble("compression"), row.getDouble("averageCompression", 0.0), 1e-9);
    }

    @Test
    public void aSupervisorBuildsThisMonthsReportFromTheHallsRecordsAndGetsItsFiles() throws Exception {
        callTicketTo("police", 97);
        List<String> a17 = List.of(accept("A17-001", PASSPORT, 97), accept("A17-001", PASSPORT, 97));
        // the matters-only units' matters commit 20 working days: late in a year the deadline falls in the next one
        int next = LocalDate.now(HALL).getYear() + 1;
        if (!http.get("/api/v1/calendar/years").body().contains("\"year\":" + next)) {
            ok(http.putJson("/api/v1/calendar/years/" + next, "{\"year\": " + next + ", \"notice\": \"test arrangement\", \"holidays\":"
                    + " [{\"name\": \"元旦\", \"from\": \"" + next + "-01-01\", \"to\": \"" + next + "-01-01\"}], \"makeUpWorkdays\": []}",
                    HallNodeOptions.OPERATOR, HallNodeOptions.OPERATOR_PW), 200);
        }
        callTicketTo("universal", 89);
        List<String> b01 = List.of(accept("B01-001", "[\"申请人居民身份证\", \"申请表\"]", 89));
        // the matters-only statistics bureau (B01) is complained about for slowness twice: R5 by complaints, with one case
        complain("SLOW", "B01", "统计局的专员迟迟不来");
        complain("SLOW", "B01", "统计局的专员又没来");
        String fees = complain("FEES", "A17", "办护照多收了费");

        String month = YearMonth.now(HALL).toString();
        problem(http.postJsonAs("/api/v1/reports", "{\"kind\": \"MONTH\", \"period\": \"" + month + "\"}", HallNodeOptions.CLERK, PW),
                403, "forbidden");
        assertEquals(401, http.get("/api/v1/reports").statusCode());
        assertEquals("period", problem(http.postJsonAs("/api/v1/reports", "{\"kind\": \"MONTH\", \"period\": \"2026-13\"}", SUP, PW),
                400, "invalid-period").getString("field"));
        assertEquals("kind", problem(http.postJsonAs("/api/v1/reports", "{\"kind\": \"YEAR\", \"period\": \"2026\"}", SUP, PW),
                400, "invalid-kind").getString("field"));

        JsonObject report = ok(http.postJsonAs("/api/v1/reports", "{\"kind\": \"MONTH\", \"period\": \"" + month + "\"}", SUP, PW), 201);
        long id = report.getLong("id");
        assertEquals(month, report.getJsonObject("period").getString("key"));
        assertEquals(LocalDate.parse(month + "-01").toString(), report.getJsonObject("period").getString("start"));
        assertEquals(3, (int) report.getJsonObject("basis").getInteger("cases"));
        assertEquals(3, (int) report.getJsonObject("basis").getInteger("complaints"));
        JsonArray units = report.getJsonArray("units");
        JsonObject a17Row = row(units, "A17");
        JsonObject b01Row = row(units, "B01");
        JsonObject a17Expected = expected(a17, 1, 0);
        JsonObject b01Expected = expected(b01, 2, 2);
        sameFigures("A17", a17Expected, a17Row);
        sameFigures("B01", b01Expected, b01Row);
        assertEquals("市统计局", b01Row.getString("name"));
        assertTrue("B01 crosses R5 by complaints, not by its " + b01Expected.getInteger("accepted") + " case",
                b01Expected.getInteger("accepted") < 10);
        assertEquals(month + " slow complaints 2≥2", b01Row.getString("conversionDue"));
        assertEquals("A17 has staff in the hall", "", a17Row.getString("conversionDue"));
        assertEquals(1, (int) a17Row.getInteger("rank"));
        assertEquals(2, (int) b01Row.getInteger("rank"));
        JsonObject total = report.getJsonObject("total");
        assertEquals(3, (int) total.getInteger("accepted"));
        assertEquals(3, (int) total.getInteger("complaints"));
        String warnings = report.getJsonArray("warnings").encode();
        assertTrue(warnings, warnings.contains("\"CONVERSION\"") && warnings.contains("\"subject\":\"" + month + "\""));
        assertTrue(warnings, warnings.contains("\"FEES\"") && warnings.contains(fees));

        // the same warnings as they happen, on the supervisor's alert list, without a report
        JsonArray alerts = ok(http.getAs("/api/v1/cases/alerts", SUP, PW), 200).getJsonArray("alerts");
        boolean conversion = false;
        boolean irregular = false;
        for (int i = 0; i < alerts.size(); i++) {
            JsonObject a = alerts.getJsonObject(i);
            conversion |= a.getString("kind").equals("CONVERSION_DUE") && a.getString("departmentId").equals("B01")
                    && a.getString("detail").contains("办事拖延投诉 2 件");
            irregular |= a.getString("kind").equals("IRREGULARITY_COMPLAINT") && a.getString("subject").equals(fees);
        }
        assertTrue(alerts.encode(), conversion && irregular);
        assertEquals(200, http.getAs("/api/v1/cases/alerts?department=A17", HallNodeOptions.DEPARTMENT_A17, PW).statusCode());
        assertTrue("a unit sees its own alerts only",
                !ok(http.getAs("/api/v1/cases/alerts?department=A17", HallNodeOptions.DEPARTMENT_A17, PW), 200).encode().contains("B01"));

        assertEquals(report, ok(http.getAs("/api/v1/reports/" + id, SUP, PW), 200));
        JsonObject listed = ok(http.getAs("/api/v1/reports?kind=MONTH", SUP, PW), 200).getJsonArray("reports").getJsonObject(0);
        assertEquals(id, (long) listed.getLong("id"));
        problem(http.getAs("/api/v1/reports/" + (id + 100), SUP, PW), 404, "unknown-report");

        HttpResponse<byte[]> pdf = bytes("/api/v1/reports/" + id + ".pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1));
        assertEquals((int) listed.getInteger("pdfBytes"), pdf.body().length);

        HttpResponse<byte[]> xlsx = bytes("/api/v1/reports/" + id + ".xlsx");
        assertEquals(200, xlsx.statusCode());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(org.apache.poi.xssf.usermodel.XSSFWorkbook.class.getClassLoader());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet("单位 Units");
            assertEquals("A17", sheet.getRow(3).getCell(1).getStringCellValue());
            assertEquals(a17Expected.getInteger("accepted"), sheet.getRow(3).getCell(4).getNumericCellValue(), 0.0);
            assertEquals("B01", sheet.getRow(4).getCell(1).getStringCellValue());
            assertEquals(month + " slow complaints 2≥2", sheet.getRow(4).getCell(24).getStringCellValue());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
