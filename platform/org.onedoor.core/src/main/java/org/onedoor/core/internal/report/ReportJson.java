package org.onedoor.core.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportBasis;
import org.onedoor.api.report.ReportKind;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.UnitFigures;

/** A report's figures as the JSON text the hall keeps them in ({@code hall_report.figures}). */
final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    static String write(HallReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        ReportPeriod p = r.period();
        o.putObject("period").put("kind", p.kind().name()).put("key", p.key()).put("start", p.start().toString())
                .put("end", p.end().toString()).put("firstWorkingDay", p.firstWorkingDay().map(LocalDate::toString).orElse(""))
                .put("lastWorkingDay", p.lastWorkingDay().map(LocalDate::toString).orElse("")).put("workingDays", p.workingDays());
        o.put("builtAt", r.builtAt().toString()).put("builtBy", r.builtBy());
        ReportBasis b = r.basis();
        o.putObject("basis").put("asOf", b.asOf().toString()).put("cases", b.cases()).put("lastCaseAcceptedAt", b.lastCaseAcceptedAt())
                .put("complaints", b.complaints()).put("lastComplaintNumber", b.lastComplaintNumber()).put("ratings", b.ratings())
                .put("catalogMatters", b.catalogMatters()).put("conversionThreshold", b.conversionThreshold())
                .put("slowComplaintThreshold", b.slowComplaintThreshold()).put("digest", b.digest());
        ArrayNode units = o.putArray("units");
        r.units().forEach(u -> units.add(row(u)));
        ArrayNode windows = o.putArray("windows");
        r.windows().forEach(u -> windows.add(row(u)));
        o.set("total", row(r.total()));
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(w -> warnings.addObject().put("kind", w.kind().name()).put("departmentId", w.departmentId())
                .put("subject", w.subject()).put("textZh", w.textZh()));
        return o.toString();
    }

    private static ObjectNode row(UnitFigures u) {
        return MAPPER.createObjectNode().put("key", u.key()).put("nameZh", u.nameZh()).put("rank", u.rank()).put("points", u.points())
                .put("accepted", u.accepted()).put("decided", u.decided()).put("onTime", u.onTime()).put("overdue", u.overdue())
                .put("immediate", u.immediate()).put("noVisit", u.noVisit()).put("oneTrip", u.oneTrip())
                .put("compressionCases", u.compressionCases()).put("averageCompression", u.averageCompression())
                .put("ratings", u.ratings()).put("scores", u.scores()).put("averageScore", u.averageScore())
                .put("goodScores", u.goodScores()).put("badScores", u.badScores()).put("complaints", u.complaints())
                .put("slowComplaints", u.slowComplaints()).put("conversionDue", u.conversionDue());
    }

    static HallReport read(long id, String text) {
        JsonNode o;
        try {
            o = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the kept figures of report " + id + " are not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode p = o.path("period");
        ReportPeriod period = new ReportPeriod(ReportKind.valueOf(p.path("kind").asText()), LocalDate.parse(p.path("start").asText()),
                LocalDate.parse(p.path("end").asText()), day(p.path("firstWorkingDay").asText()), day(p.path("lastWorkingDay").asText()),
                p.path("workingDays").asInt());
        JsonNode b = o.path("basis");
        ReportBasis basis = new ReportBasis(Instant.parse(b.path("asOf").asText()), b.path("cases").asInt(), b.path("lastCaseAcceptedAt").asText(),
                b.path("complaints").asInt(), b.path("lastComplaintNumber").asText(), b.path("ratings").asInt(), b.path("catalogMatters").asInt(),
                b.path("conversionThreshold").asInt(), b.path("slowComplaintThreshold").asInt(), b.path("digest").asText());
        List<EarlyWarning> warnings = new ArrayList<>();
        o.path("warnings").forEach(w -> warnings.add(new EarlyWarning(EarlyWarning.WarningKind.valueOf(w.path("kind").asText()),
                w.path("departmentId").asText(), w.path("subject").asText(), w.path("textZh").asText())));
        return new HallReport(id, period, Instant.parse(o.path("builtAt").asText()), o.path("builtBy").asText(), basis, rows(o.path("units")),
                rows(o.path("windows")), row(o.path("total")), warnings);
    }

    private static Optional<LocalDate> day(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
    }

    private static List<UnitFigures> rows(JsonNode array) {
        List<UnitFigures> out = new ArrayList<>();
        array.forEach(n -> out.add(row(n)));
        return out;
    }

    private static UnitFigures row(JsonNode n) {
        return new UnitFigures(n.path("key").asText(), n.path("nameZh").asText(), n.path("rank").asInt(), n.path("points").asInt(),
                n.path("accepted").asInt(), n.path("decided").asInt(), n.path("onTime").asInt(), n.path("overdue").asInt(),
                n.path("immediate").asInt(), n.path("noVisit").asInt(), n.path("oneTrip").asInt(), n.path("compressionCases").asInt(),
                n.path("averageCompression").asDouble(), n.path("ratings").asInt(), n.path("scores").asInt(), n.path("averageScore").asDouble(),
                n.path("goodScores").asInt(), n.path("badScores").asInt(), n.path("complaints").asInt(), n.path("slowComplaints").asInt(),
                n.path("conversionDue").asText());
    }
}
