package org.onedoor.web.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.HallReports;
import org.onedoor.api.report.ReportBasis;
import org.onedoor.api.report.ReportFile;
import org.onedoor.api.report.ReportKind;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.ReportSummary;
import org.onedoor.api.report.UnitFigures;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.RouteTestServer;

/**
 * The report routes on the real Vert.x server over a stand-in service (the figures are tested in the
 * core): roles, parsing, JSON with shares absent when they have no base, files with their media types,
 * and refusals as problems naming the field.
 */
public class ReportRoutesTest {

    private static final HallPrincipal SUPERVISOR = new HallPrincipal("super1", Set.of("supervisor"), Optional.empty());
    private static final HallPrincipal OPERATOR = new HallPrincipal("op1", Set.of("operator"), Optional.empty());
    private static final HallPrincipal CLERK = new HallPrincipal("clerk1", Set.of("clerk"), Optional.empty());

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile HallPrincipal principal = SUPERVISOR;

    private static final ReportPeriod NOVEMBER = new ReportPeriod(ReportKind.MONTH, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            Optional.of(LocalDate.of(2026, 11, 2)), Optional.of(LocalDate.of(2026, 11, 30)), 21);

    private static HallReport report(long id) {
        UnitFigures a17 = new UnitFigures("A17", "市公安局", 1, 1, 6, 3, 2, 2, 2, 2, 4, 6, 0.85, 3, 6, 3.8333, 4, 1, 1, 0, "");
        UnitFigures w43 = new UnitFigures("43", "43号窗口", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 1, 1, 4.0, 1, 0, 0, 0, "");
        return new HallReport(id, NOVEMBER, Instant.parse("2026-12-01T02:00:00Z"), "super1",
                new ReportBasis(Instant.parse("2026-11-30T16:00:00Z"), 6, "2026-11-30T08:00:00Z", 1, "TS-20261125-0001", 3, 3, 10, 2, "ab".repeat(32)),
                List.of(a17), List.of(w43), a17.ranked(0),
                List.of(new EarlyWarning(EarlyWarning.WarningKind.FEES, "A17", "TS-20261125-0001", "投诉 TS-20261125-0001（违规收费）")));
    }

    private final HallReports service = new HallReports() {
        @Override
        public ReportPeriod period(ReportKind kind, String key) {
            calls.add("period " + kind + " " + key);
            if (!key.equals("2026-11")) {
                throw new CaseException(CaseException.Reason.INVALID, "invalid-period", "period: 2026-11", "period");
            }
            return NOVEMBER;
        }

        @Override
        public HallReport build(ReportPeriod period, CaseActor actor) {
            calls.add("build " + period.key() + " " + actor.user());
            return report(7);
        }

        @Override
        public List<ReportSummary> list(Optional<ReportKind> kind, int limit) {
            calls.add("list " + kind.map(Enum::name).orElse("-") + " " + limit);
            return List.of(new ReportSummary(7, ReportKind.MONTH, "2026-11", NOVEMBER.start(), NOVEMBER.end(), Instant.parse("2026-12-01T02:00:00Z"),
                    "schedule", true, 3, 2));
        }

        @Override
        public Optional<HallReport> find(long id) {
            return id == 7 ? Optional.of(report(7)) : Optional.empty();
        }

        @Override
        public Optional<byte[]> file(long id, ReportFile file) {
            return id == 7 ? Optional.of(file == ReportFile.PDF ? "%PDF-1.7".getBytes() : "PK".getBytes()) : Optional.empty();
        }
    };

    private RouteTestServer server;

    @BeforeEach
    void start() throws Exception {
        WebAccess access = RouteTestServer.signedIn(() -> principal);
        server = RouteTestServer.start(new ReportRoutes(service, access));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return server.post("/api/v1/reports", body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get("/api/v1/reports" + path);
    }


    @Test
    void aSupervisorBuildsAMonthlyReportAndReadsItsFiguresAndFiles() throws Exception {
        HttpResponse<String> built = post("{\"kind\": \"month\", \"period\": \"2026-11\"}");
        assertEquals(201, built.statusCode(), built.body());
        assertEquals(List.of("period MONTH 2026-11", "build 2026-11 super1"), calls);
        JsonObject r = new JsonObject(built.body());
        assertEquals(7L, r.getLong("id"));
        assertEquals("2026年11月月度报告", r.getString("title"));
        assertEquals(21, r.getJsonObject("period").getInteger("workingDays"));
        assertEquals("ab".repeat(32), r.getJsonObject("basis").getString("digest"));
        JsonObject a17 = r.getJsonArray("units").getJsonObject(0);
        assertEquals(1, a17.getInteger("points"));
        assertEquals(0.6667, a17.getDouble("onTimeRate"), 1e-9);
        assertEquals(0.85, a17.getDouble("averageCompression"), 1e-9);
        JsonObject w43 = r.getJsonArray("windows").getJsonObject(0);
        assertFalse(w43.containsKey("onTimeRate"), "no decided case, no on-time rate: " + w43);
        assertEquals("FEES", r.getJsonArray("warnings").getJsonObject(0).getString("kind"));
        assertEquals("/api/v1/reports/7.pdf", r.getJsonObject("links").getString("pdf"));

        principal = OPERATOR;
        assertEquals(200, get("/7").statusCode());
        HttpResponse<String> listed = get("?kind=MONTH&limit=5");
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("list MONTH 5", calls.get(calls.size() - 1));
        assertEquals(true, new JsonObject(listed.body()).getJsonArray("reports").getJsonObject(0).getBoolean("scheduled"));
        HttpResponse<String> pdf = get("/7.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.body().startsWith("%PDF"));
        HttpResponse<String> xlsx = get("/7.xlsx");
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.headers().firstValue("Content-Type").orElse(""));
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("onedoor-report-7.xlsx"));
        RouteTestServer.problem(get("/8"), 404, "unknown-report");
        RouteTestServer.problem(get("/8.pdf"), 404, "unknown-report");
        RouteTestServer.problem(post("{\"kind\": \"MONTH\", \"period\": \"2026-11\"}"), 403, "forbidden");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndOtherRolesAreRefused() throws Exception {
        assertEquals("kind", RouteTestServer.problem(post("{\"kind\": \"YEAR\", \"period\": \"2026\"}"), 400, "invalid-kind").getString("field"));
        assertEquals("period", RouteTestServer.problem(post("{\"kind\": \"MONTH\"}"), 400, "missing-field").getString("field"));
        assertEquals("period", RouteTestServer.problem(post("{\"kind\": \"MONTH\", \"period\": \"2026-13\"}"), 400, "invalid-period").getString("field"));
        assertEquals("kind", RouteTestServer.problem(get("?kind=DAY"), 400, "invalid-kind").getString("field"));
        assertEquals("limit", RouteTestServer.problem(get("?limit=501"), 400, "invalid-limit").getString("field"));
        principal = CLERK;
        RouteTestServer.problem(get(""), 403, "forbidden");
        RouteTestServer.problem(get("/7.pdf"), 403, "forbidden");
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("build")), calls.toString());
    }
}
