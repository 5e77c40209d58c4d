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
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The hall's reports on the real node (R19, R5): a case accepted at a window and two slow-handling
 * complaints against a matters-only unit, then this month's report built on demand by a supervisor
 * over HTTP, read back, listed, and its kept PDF and XLSX files fetched (the workbook's cells read with
 * POI); other roles and bad input refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportIT extends HallNodeTestSupport {

    static final String PW = HallNodeOptions.ROLE_PW;
    static final String SUP = HallNodeOptions.SUPERVISOR;

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

    @Test
    public void aSupervisorBuildsThisMonthsReportFromTheHallsRecordsAndGetsItsFiles() throws Exception {
        ok(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"), 201);
        ok(http.postJsonAs("/api/v1/windows/97/sign-in", "{}", HallNodeOptions.CLERK, PW), 200);
        ok(http.postJsonAs("/api/v1/windows/97/call-next", "{}", HallNodeOptions.CLERK, PW), 200);
        JsonObject accepted = ok(http.postJsonAs("/api/v1/cases", "{\"matter\": \"A17-001\", \"applicant\": {\"name\": \"张三\","
                + " \"idNumber\": \"411702199003074515\"}, \"materials\": [\"申请人居民身份证\", \"近期免冠彩色照片\"], \"window\": 97}",
                HallNodeOptions.CLERK, PW), 201);
        for (int i = 0; i < 2; i++) {
            ok(http.postJson("/api/v1/complaints", "{\"channel\": \"CITIZEN_PAGE\", \"kind\": \"SLOW\", \"complainant\": \"王小红\","
                    + " \"phone\": \"13812345678\", \"departmentId\": \"B01\", \"text\": \"统计局的专员迟迟不来\"}"), 201);
        }

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
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
        assertEquals(1, (int) report.getJsonObject("basis").getInteger("cases"));
        assertEquals(2, (int) report.getJsonObject("basis").getInteger("complaints"));
        JsonArray units = report.getJsonArray("units");
        JsonObject a17 = null;
        JsonObject b01 = null;
        for (int i = 0; i < units.size(); i++) {
            JsonObject u = units.getJsonObject(i);
            if (u.getString("key").equals("A17")) {
                a17 = u;
            } else if (u.getString("key").equals("B01")) {
                b01 = u;
            }
        }
        assertTrue(units.encode(), a17 != null && b01 != null);
        assertEquals(1, (int) a17.getInteger("accepted"));
        assertEquals("1 point against B01's -4", 1, (int) a17.getInteger("rank"));
        assertEquals("市统计局", b01.getString("name"));
        assertEquals(2, (int) b01.getInteger("slowComplaints"));
        assertEquals(-4, (int) b01.getInteger("points"));
        assertEquals(month + " slow complaints 2≥2", b01.getString("conversionDue"));
        assertTrue(report.getJsonArray("warnings").encode().contains("\"CONVERSION\""));
        assertTrue(accepted.getString("number").startsWith("A17-"));

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
            assertEquals(1.0, sheet.getRow(3).getCell(4).getNumericCellValue(), 0.0);
            assertEquals("B01", sheet.getRow(4).getCell(1).getStringCellValue());
            assertEquals(month + " slow complaints 2≥2", sheet.getRow(4).getCell(24).getStringCellValue());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
