package org.onedoor.web.internal.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.ReportSummary;
import org.onedoor.api.report.UnitFigures;

/** Reports as the HTTP API writes them; shares are fractions (0.75), absent when they have no base. */
public final class ReportJson {

    private ReportJson() {
    }

    static JsonObject of(ReportSummary s) {
        String base = "/api/v1/reports/" + s.id();
        return new JsonObject().put("id", s.id()).put("kind", s.kind().name()).put("kindName", s.kind().chinese()).put("kindNameEn", s.kind().english())
                .put("period", s.periodKey()).put("start", s.start().toString()).put("end", s.end().toString())
                .put("builtAt", s.builtAt().toString()).put("builtBy", s.builtBy()).put("scheduled", s.scheduled())
                .put("pdfBytes", s.pdfBytes()).put("xlsxBytes", s.xlsxBytes())
                .put("links", new JsonObject().put("self", base).put("pdf", base + ".pdf").put("xlsx", base + ".xlsx"));
    }

    static JsonObject of(HallReport r) {
        ReportPeriod p = r.period();
        String base = "/api/v1/reports/" + r.id();
        JsonObject o = new JsonObject().put("id", r.id()).put("title", p.titleZh())
                .put("period", new JsonObject().put("kind", p.kind().name()).put("key", p.key()).put("start", p.start().toString())
                        .put("end", p.end().toString()).put("workingDays", p.workingDays())
                        .put("firstWorkingDay", p.firstWorkingDay().map(LocalDate::toString).orElse(null))
                        .put("lastWorkingDay", p.lastWorkingDay().map(LocalDate::toString).orElse(null)))
                .put("builtAt", r.builtAt().toString()).put("builtBy", r.builtBy())
                .put("basis", new JsonObject().put("asOf", r.basis().asOf().toString()).put("cases", r.basis().cases())
                        .put("lastCaseAcceptedAt", r.basis().lastCaseAcceptedAt()).put("complaints", r.basis().complaints())
                        .put("lastComplaintNumber", r.basis().lastComplaintNumber()).put("ratings", r.basis().ratings())
                        .put("catalogMatters", r.basis().catalogMatters()).put("conversionThreshold", r.basis().conversionThreshold())
                        .put("slowComplaintThreshold", r.basis().slowComplaintThreshold()).put("digest", r.basis().digest()))
                .put("units", rows(r.units())).put("windows", rows(r.windows())).put("total", row(r.total()));
        JsonArray warnings = new JsonArray();
        for (EarlyWarning w : r.warnings()) {
            warnings.add(new JsonObject().put("kind", w.kind().name()).put("kindName", w.kind().chinese()).put("kindNameEn", w.kind().english()).put("departmentId", w.departmentId())
                    .put("subject", w.subject()).put("text", w.textZh()));
        }
        return o.put("warnings", warnings).put("links", new JsonObject().put("pdf", base + ".pdf").put("xlsx", base + ".xlsx"));
    }

    private static JsonArray rows(java.util.List<UnitFigures> rows) {
        JsonArray a = new JsonArray();
        rows.forEach(u -> a.add(row(u)));
        return a;
    }

    static JsonObject row(UnitFigures u) {
        JsonObject o = new JsonObject().put("key", u.key()).put("name", u.nameZh()).put("rank", u.rank()).put("points", u.points())
                .put("accepted", u.accepted()).put("decided", u.decided()).put("onTime", u.onTime()).put("overdue", u.overdue())
                .put("immediate", u.immediate()).put("noVisit", u.noVisit()).put("oneTrip", u.oneTrip())
                .put("compressionCases", u.compressionCases()).put("ratings", u.ratings()).put("scores", u.scores())
                .put("goodScores", u.goodScores()).put("badScores", u.badScores()).put("complaints", u.complaints())
                .put("slowComplaints", u.slowComplaints()).put("conversionDue", u.conversionDue());
        share(o, "onTimeRate", u.onTimeRate());
        share(o, "immediateShare", u.immediateShare());
        share(o, "noVisitShare", u.noVisitShare());
        share(o, "oneTripShare", u.oneTripShare());
        share(o, "averageCompression", u.compressionCases() == 0 ? OptionalDouble.empty() : OptionalDouble.of(u.averageCompression()));
        share(o, "averageScore", u.scores() == 0 ? OptionalDouble.empty() : OptionalDouble.of(u.averageScore()));
        return o;
    }

    private static void share(JsonObject o, String name, OptionalDouble value) {
        if (value.isPresent()) {
            o.put(name, Math.round(value.getAsDouble() * 10000.0) / 10000.0);
        }
    }
}
