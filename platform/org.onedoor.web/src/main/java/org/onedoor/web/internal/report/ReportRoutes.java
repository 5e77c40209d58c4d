package org.onedoor.web.internal.report;

import static org.onedoor.web.internal.cases.CaseRequests.send;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.report.HallReports;
import org.onedoor.api.report.ReportFile;
import org.onedoor.api.report.ReportKind;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.cases.CaseRequests;
import org.onedoor.web.internal.http.Fields;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The hall's reports over HTTP (R19) under {@code /api/v1/reports}: the kept reports listed, one built
 * on demand, one read with its figures, and its files (the PDF report card, the XLSX workbook). The
 * hall's supervisors read and build; the core keeps and audits every build.
 */
@Component(service = RouteContributor.class)
public final class ReportRoutes implements RouteContributor {

    private static final String[] READERS = {"admin", "operator", "supervisor"};
    private static final String[] BUILDERS = {"admin", "supervisor"};
    private static final String BASE = "/api/v1/reports";
    private static final String ID = BASE + "/(?<id>[0-9]{1,18})";

    private final HallReports reports;
    private final WebAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public ReportRoutes(@Reference HallReports reports, @Reference WebAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get(BASE).handler(access.requireAnyRole(READERS)).handler(this::list);
        router.post(BASE).handler(access.requireAnyRole(BUILDERS)).handler(this::build);
        router.getWithRegex(ID).handler(access.requireAnyRole(READERS)).handler(this::one);
        router.getWithRegex(ID + "\\.pdf").handler(access.requireAnyRole(READERS)).handler(ctx -> file(ctx, ReportFile.PDF));
        router.getWithRegex(ID + "\\.xlsx").handler(access.requireAnyRole(READERS)).handler(ctx -> file(ctx, ReportFile.XLSX));
    }

    private void list(RoutingContext ctx) {
        String kindParam = ctx.queryParams().get("kind");
        Optional<ReportKind> kind = kindParam == null || kindParam.isEmpty() ? Optional.empty() : Optional.of(kind(kindParam, "kind"));
        int limit = limit(ctx.queryParams().get("limit"));
        send(ctx, 200, () -> new JsonObject().put("reports", new JsonArray(reports.list(kind, limit).stream().map(ReportJson::of).toList())));
    }

    /** Body {@code {"kind": "MONTH", "period": "2026-11"}}. */
    private void build(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        ReportKind kind = kind(body.required("kind", 16), "kind");
        String period = body.required("period", 16);
        CaseActor actor = CaseRequests.actor(ctx, 0, cluster);
        send(ctx, 201, () -> ReportJson.of(reports.build(reports.period(kind, period), actor)));
    }

    private void one(RoutingContext ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        send(ctx, 200, () -> reports.find(id).map(ReportJson::of).orElseThrow(() -> unknown(id)));
    }

    private void file(RoutingContext ctx, ReportFile file) {
        long id = Long.parseLong(ctx.pathParam("id"));
        ctx.vertx().executeBlocking(() -> reports.file(id, file).orElseThrow(() -> unknown(id)), false)
                .onComplete(Guarded.completion(ctx, r -> {
                    if (r.failed()) {
                        ctx.fail(r.cause());
                        return;
                    }
                    ctx.response().setStatusCode(200)
                            .putHeader("Content-Type", file.contentType())
                            .putHeader("Content-Disposition", (file == ReportFile.PDF ? "inline" : "attachment") + "; filename=\"onedoor-report-"
                                    + id + "." + file.extension() + "\"")
                            .putHeader("Cache-Control", "no-store")
                            .end(Buffer.buffer(r.result()));
                }));
    }

    private static ProblemException unknown(long id) {
        return ProblemException.notFound("unknown-report", "没有报告 " + id + " (no such report)");
    }

    private static ReportKind kind(String text, String field) {
        return ReportKind.of(text).orElseThrow(() -> new Fields.FieldProblem("invalid-kind", field, field + ": 应为 "
                + Arrays.toString(ReportKind.values()) + " 之一 (must be one of these)"));
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Fields.FieldProblem("invalid-limit", "limit", "limit: 1 到 500 (1 to 500)");
    }
}
