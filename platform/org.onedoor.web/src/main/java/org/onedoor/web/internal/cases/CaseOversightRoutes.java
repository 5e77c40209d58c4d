package org.onedoor.web.internal.cases;

import static org.onedoor.web.internal.cases.CaseRequests.DASHBOARD;
import static org.onedoor.web.internal.cases.CaseRequests.FLAGS;
import static org.onedoor.web.internal.cases.CaseRequests.LETTERS;
import static org.onedoor.web.internal.cases.CaseRequests.SUPERVISORS;
import static org.onedoor.web.internal.cases.CaseRequests.longParam;
import static org.onedoor.web.internal.cases.CaseRequests.month;
import static org.onedoor.web.internal.cases.CaseRequests.scopedDepartment;
import static org.onedoor.web.internal.cases.CaseRequests.send;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseAuthorizations;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.LetterKind;
import org.onedoor.api.cases.LetterRequest;
import org.onedoor.api.cases.RatingReport;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.evaluation.RatingJson;
import org.onedoor.web.internal.http.Fields;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Oversight of cases over HTTP (R4–R6, R10, R12, R18): authorization letters, officers of
 * matters-only units and their calls, supervision alerts, conversion flags and the rating summary.
 */
@Component(service = RouteContributor.class)
public final class CaseOversightRoutes implements RouteContributor {

    private final CaseAuthorizations letters;
    private final CaseSupervision supervision;
    private final CaseEvaluations evaluations;
    private final WebAccess access;
    private final HallClock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public CaseOversightRoutes(@Reference CaseAuthorizations letters, @Reference CaseSupervision supervision,
            @Reference CaseEvaluations evaluations, @Reference WebAccess access, @Reference HallClock clock) {
        this.letters = letters;
        this.supervision = supervision;
        this.evaluations = evaluations;
        this.access = access;
        this.clock = clock;
    }

    private CaseActor actor(RoutingContext ctx) {
        return CaseRequests.actor(ctx, 0, cluster);
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/cases/authorizations").handler(access.requireAnyRole(LETTERS)).handler(ctx -> {
            String dept = scopedDepartment(ctx, ctx.queryParams().get("department"));
            send(ctx, 200, () -> new JsonObject().put("letters", new JsonArray(letters.letters(dept).stream().map(CaseJson::letter).toList())));
        });
        router.post("/api/v1/cases/authorizations").handler(access.requireAnyRole(LETTERS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            String dept = body.required("department", Fields.DEPARTMENT).toUpperCase(Locale.ROOT);
            Set<String> matters = new LinkedHashSet<>(body.texts("matters", Fields.MATTER));
            if (body.has("staffId")) {
                LetterRequest r = new LetterRequest(dept, CaseRequests.enumParam(LetterKind.class, body.required("kind", 32), "kind"),
                        body.integer("staffId", 0, 1, Integer.MAX_VALUE), matters, body.date("validFrom"), body.date("validUntil"));
                send(ctx, 201, () -> CaseJson.letter(letters.file(r, actor(ctx))));
                return;
            }
            String staff = body.required("staff", Fields.USER);
            send(ctx, 201, () -> CaseJson.letter(letters.file(dept, staff, matters, actor(ctx))));
        });
        router.post("/api/v1/cases/authorizations/:id/file-with-hall").handler(access.requireAnyRole("admin", "operator", "supervisor"))
                .handler(ctx -> {
                    long id = longParam(ctx.pathParam("id"));
                    send(ctx, 200, () -> CaseJson.letter(letters.fileWithHall(id, actor(ctx))));
                });
        router.post("/api/v1/cases/authorizations/:id/revoke").handler(access.requireAnyRole(LETTERS)).handler(ctx -> {
            long id = longParam(ctx.pathParam("id"));
            send(ctx, 200, () -> CaseJson.letter(letters.revoke(id, actor(ctx))));
        });
        router.put("/api/v1/cases/officers/:dept").handler(access.requireAnyRole(LETTERS)).handler(ctx -> {
            String officer = Fields.of(ctx).required("officer", Fields.USER);
            String dept = ctx.pathParam("dept").toUpperCase(Locale.ROOT);
            send(ctx, 200, () -> {
                supervision.nameOfficer(dept, officer, actor(ctx));
                return new JsonObject().put("departmentId", dept).put("officer", officer);
            });
        });
        router.get("/api/v1/cases/officer-calls").handler(access.requireAnyRole(SUPERVISORS)).handler(ctx -> {
            String dept = scopedDepartment(ctx, ctx.queryParams().get("department"));
            send(ctx, 200, () -> new JsonObject().put("calls", new JsonArray(supervision.officerCalls(dept).stream().map(CaseJson::call).toList())));
        });
        router.post("/api/v1/cases/officer-calls/check-in").handler(access.requireAnyRole("department")).handler(ctx -> {
            HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
            String dept = p.department().orElseThrow(() -> new ProblemException(403, "out-of-department", "Forbidden",
                    "用户 " + p.user() + " 未归属任何部门"));
            send(ctx, 200, () -> new JsonObject().put("answered",
                    new JsonArray(supervision.checkIn(dept, actor(ctx)).stream().map(CaseJson::call).toList())));
        });
        router.get("/api/v1/cases/alerts").handler(access.requireAnyRole(SUPERVISORS)).handler(ctx -> {
            String dept = scopedDepartment(ctx, ctx.queryParams().get("department"));
            send(ctx, 200, () -> new JsonObject().put("alerts", new JsonArray(supervision.alerts(dept).stream().map(CaseJson::alert).toList())));
        });
        router.get("/api/v1/cases/conversion-flags").handler(access.requireAnyRole(FLAGS)).handler(ctx -> {
            YearMonth month = month(ctx.queryParams().get("month"), clock.today());
            send(ctx, 200, () -> new JsonObject().put("month", month.toString())
                    .put("flags", new JsonArray(supervision.conversionFlags(month).stream().map(CaseJson::flag).toList())));
        });
        router.getWithRegex("/api/v1/cases/" + CaseRequests.NUMBER + "/evaluations/history").handler(access.requireAnyRole(DASHBOARD))
                .handler(ctx -> {
                    String no = ctx.pathParam("no").toUpperCase(java.util.Locale.ROOT);
                    send(ctx, 200, () -> new JsonObject().put("caseNumber", no).put("versions",
                            new JsonArray(evaluations.history(no).stream().map(RatingJson::staff).toList())));
                });
        router.get("/api/v1/cases/evaluations/summary").handler(access.requireAnyRole(DASHBOARD)).handler(ctx -> send(ctx, 200, () -> {
            RatingReport r = evaluations.report();
            return new JsonObject().put("clerks", CaseJson.summaries(r.clerks())).put("approvers", CaseJson.summaries(r.approvers()))
                    .put("departments", CaseJson.summaries(r.departments()));
        }));
    }
}
