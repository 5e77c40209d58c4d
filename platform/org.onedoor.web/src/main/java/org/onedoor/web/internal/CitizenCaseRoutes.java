package org.onedoor.web.internal;

import static org.onedoor.web.internal.CaseRequests.send;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.onedoor.api.cases.CaseBundles;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.Rating;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The citizen's side of a case, public and proved by the check code (R12, R18): the look-up by
 * case or bundle number, answering masked data only, and the rating after delivery.
 */
@Component(service = RouteContributor.class)
public final class CitizenCaseRoutes implements RouteContributor {

    private final HallCases cases;
    private final CaseBundles bundles;
    private final CaseEvaluations evaluations;

    @Activate
    public CitizenCaseRoutes(@Reference HallCases cases, @Reference CaseBundles bundles, @Reference CaseEvaluations evaluations) {
        this.cases = cases;
        this.bundles = bundles;
        this.evaluations = evaluations;
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/cases/lookup").handler(this::lookup);
        router.postWithRegex("/api/v1/cases/" + CaseRequests.NUMBER + "/evaluation").handler(this::rate);
    }

    private void lookup(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        String number = body.required("number", Fields.CASE_NUMBER).toUpperCase(Locale.ROOT);
        String code = body.required("checkCode", Fields.MATTER);
        send(ctx, 200, () -> {
            if (number.startsWith("YJS-")) {
                return bundles.lookupBundle(number, code).map(b -> CaseJson.bundle(b, false)).orElseThrow(CitizenCaseRoutes::noMatch);
            }
            return cases.lookup(number, code).map(CaseJson::citizen).orElseThrow(CitizenCaseRoutes::noMatch);
        });
    }

    private static ProblemException noMatch() {
        return ProblemException.notFound("unknown-case", "办件编号或查询码不正确 (no case with that number and check code)");
    }

    private void rate(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        String code = body.required("checkCode", Fields.MATTER);
        int clerk = body.integer("clerkScore", 0, 0, 1000);
        int approver = body.integer("approverScore", 0, 0, 1000);
        String comment = body.text("comment", 500);
        send(ctx, 201, () -> {
            Rating r = evaluations.rate(ctx.pathParam("no").toUpperCase(Locale.ROOT), code, clerk, approver, comment);
            return new JsonObject().put("caseNumber", r.caseNumber()).put("clerkScore", r.clerkScore())
                    .put("approverScore", r.approverScore()).put("ratedAt", r.ratedAt().toString());
        });
    }
}
