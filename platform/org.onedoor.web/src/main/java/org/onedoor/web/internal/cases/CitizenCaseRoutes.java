package org.onedoor.web.internal.cases;

import static org.onedoor.web.internal.cases.CaseRequests.send;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.onedoor.api.cases.CaseBundles;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.EvaluationRequest;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.Rating;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.evaluation.RatingJson;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.TooManyRequests;
import org.onedoor.web.internal.security.LookupLimitConfig;
import org.onedoor.web.internal.security.LookupThrottle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The citizen's side of a case, public and proved by the check code (R12, R18): the look-up by
 * case or bundle number, answering masked data only, and the good/bad rating after delivery with its
 * public reason list ({@code GET /api/v1/ratings/reasons}). Wrong look-ups
 * (404) are limited per client address and in total ({@link LookupThrottle}), never per case, so
 * nobody can lock a citizen out by guessing at a predictable case number.
 */
@Component(service = RouteContributor.class, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class CitizenCaseRoutes implements RouteContributor {

    private final HallCases cases;
    private final CaseBundles bundles;
    private final CaseEvaluations evaluations;

    private final LookupThrottle throttle;

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile CaseSupervision supervision;

    @Activate
    public CitizenCaseRoutes(@Reference HallCases cases, @Reference CaseBundles bundles, @Reference CaseEvaluations evaluations,
            LookupLimitConfig config) {
        this(cases, bundles, evaluations, config, Clock.systemUTC());
    }

    public CitizenCaseRoutes(HallCases cases, CaseBundles bundles, CaseEvaluations evaluations, LookupLimitConfig config, Clock clock) {
        this.cases = cases;
        this.bundles = bundles;
        this.evaluations = evaluations;
        this.throttle = new LookupThrottle(config.lookupFailuresPerAddress(), config.lookupFailuresPerHour(), clock);
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/cases/lookup").handler(this::throttle).handler(this::lookup);
        router.postWithRegex("/api/v1/cases/" + CaseRequests.NUMBER + "/evaluation").handler(this::throttle).handler(this::rate);
        router.postWithRegex("/api/v1/cases/" + CaseRequests.NUMBER + "/evaluation/status").handler(this::throttle).handler(this::status);
        router.get("/api/v1/ratings/reasons").handler(ctx -> send(ctx, 200, () -> RatingJson.catalogue(evaluations.reasons(),
                evaluations.changeDays())));
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
            return cases.lookup(number, code).map(h -> CaseJson.citizen(h, timing(h))).orElseThrow(CitizenCaseRoutes::noMatch);
        });
    }

    /** @return the case against its time limit, when supervision runs and the calendar knows the days; else null */
    private CaseTiming timing(HallCase h) {
        CaseSupervision s = supervision;
        try {
            return s == null ? null : s.timing(h);
        } catch (org.onedoor.api.calendar.CalendarYearMissingException e) {
            return null;
        }
    }

    private static ProblemException noMatch() {
        return ProblemException.notFound("unknown-case", "办件编号或查询码不正确 (no case with that number and check code)");
    }

    /**
     * Rates the case: one party at a level with reasons and words from a channel ({@code party}, {@code level},
     * {@code reasons}, {@code comment}, {@code channel}), or, as pages before 好差评 did, both parties by
     * {@code clerkScore} and {@code approverScore} 1..5. 201 for a first rating (or its identical repeat), 200 for a change.
     */
    private void rate(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        String number = ctx.pathParam("no").toUpperCase(Locale.ROOT);
        String code = body.required("checkCode", Fields.MATTER);
        String comment = body.text("comment", 500);
        if (!body.has("level") && (body.has("clerkScore") || body.has("approverScore"))) {
            int clerk = body.integer("clerkScore", 0, 0, 1000);
            int approver = body.integer("approverScore", 0, 0, 1000);
            ctx.vertx().executeBlocking(() -> {
                Rating r = evaluations.rate(number, code, clerk, approver, comment);
                List<Evaluation> now = evaluations.evaluations(number, code);
                return new JsonObject().put("caseNumber", r.caseNumber()).put("clerkScore", r.clerkScore())
                        .put("approverScore", r.approverScore()).put("ratedAt", r.ratedAt().toString())
                        .put("evaluations", RatingJson.citizen(now)).put("changed", now.stream().anyMatch(e -> e.revision() > 1));
            }, false).onComplete(Guarded.completion(ctx, r -> {
                if (r.failed()) {
                    ctx.fail(r.cause());
                } else {
                    Json.send(ctx, r.result().getBoolean("changed") ? 200 : 201, r.result());
                }
            }));
            return;
        }
        RatingParty party = RatingJson.party(body);
        RatingLevel level = RatingJson.level(body);
        RatingChannel channel = RatingJson.channel(body);
        List<String> reasons = body.texts("reasons", 8);
        ctx.vertx().executeBlocking(() -> evaluations.evaluate(new EvaluationRequest(number, code, party, level, reasons, comment, channel)),
                false).onComplete(Guarded.completion(ctx, r -> {
                    if (r.failed()) {
                        ctx.fail(r.cause());
                    } else {
                        Json.send(ctx, r.result().revision() == 1 ? 201 : 200, RatingJson.citizen(r.result()));
                    }
                }));
    }

    /** The case's ratings as they stand and until when each may be changed, for the citizen's rating page. */
    private void status(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        String number = ctx.pathParam("no").toUpperCase(Locale.ROOT);
        String code = body.required("checkCode", Fields.MATTER);
        send(ctx, 200, () -> new JsonObject().put("caseNumber", number).put("changeDays", evaluations.changeDays())
                .put("evaluations", RatingJson.citizen(evaluations.evaluations(number, code))));
    }
}
