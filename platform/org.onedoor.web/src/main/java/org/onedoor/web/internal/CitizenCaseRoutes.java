package org.onedoor.web.internal;

import static org.onedoor.web.internal.CaseRequests.send;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.onedoor.api.cases.CaseBundles;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.Rating;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The citizen's side of a case, public and proved by the check code (R12, R18): the look-up by
 * case or bundle number, answering masked data only, and the rating after delivery. Wrong look-ups
 * (404) are limited per client address and in total ({@link LookupThrottle}), never per case, so
 * nobody can lock a citizen out by guessing at a predictable case number.
 */
@Component(service = RouteContributor.class, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class CitizenCaseRoutes implements RouteContributor {

    private final HallCases cases;
    private final CaseBundles bundles;
    private final CaseEvaluations evaluations;

    private final LookupThrottle throttle;

    @Activate
    public CitizenCaseRoutes(@Reference HallCases cases, @Reference CaseBundles bundles, @Reference CaseEvaluations evaluations,
            LookupLimitConfig config) {
        this(cases, bundles, evaluations, config, Clock.systemUTC());
    }

    CitizenCaseRoutes(HallCases cases, CaseBundles bundles, CaseEvaluations evaluations, LookupLimitConfig config, Clock clock) {
        this.cases = cases;
        this.bundles = bundles;
        this.evaluations = evaluations;
        this.throttle = new LookupThrottle(config.lookupFailuresPerAddress(), config.lookupFailuresPerHour(), clock);
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/cases/lookup").handler(this::throttle).handler(this::lookup);
        router.postWithRegex("/api/v1/cases/" + CaseRequests.NUMBER + "/evaluation").handler(this::throttle).handler(this::rate);
    }

    /** Refuses a look-up while its address (or the node overall) is past its wrong look-ups; counts a 404 as one. */
    private void throttle(RoutingContext ctx) {
        String origin = AuditLog.origin(ctx);
        Duration wait = throttle.waitBefore(origin);
        if (!wait.isZero()) {
            TooManyRequests.fail(ctx, "lookup-throttled", wait, "查询码错误次数过多，请稍后再试，或携身份证到窗口查询 (too many wrong case numbers or "
                    + "check codes from this address or in total)");
            return;
        }
        ctx.addEndHandler(done -> {
            if (ctx.response().getStatusCode() == 404) {
                throttle.failed(origin);
            }
        });
        ctx.next();
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
