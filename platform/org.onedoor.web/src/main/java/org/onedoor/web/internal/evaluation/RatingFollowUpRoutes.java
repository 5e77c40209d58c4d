package org.onedoor.web.internal.evaluation;

import static org.onedoor.web.internal.cases.CaseRequests.send;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.RatingFollowUps;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.cases.CaseRequests;
import org.onedoor.web.internal.http.DepartmentScope;
import org.onedoor.web.internal.http.Fields;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The follow-up of bad ratings over HTTP (R18, 差评闭环) under {@code /api/v1/rating-follow-ups}:
 * the case's unit calls back, replies and disputes; the hall decides disputes and records the
 * citizen's answer; figures per unit, window and person. A unit's users see only their unit's
 * follow-ups and figures. The core audits every step; these routes do not audit on their own.
 */
@Component(service = RouteContributor.class)
public final class RatingFollowUpRoutes implements RouteContributor {

    private static final String[] HALL = DepartmentScope.HALL_STAFF.toArray(String[]::new);
    private static final String[] UNIT = {"admin", "department", "approver"};
    private static final String[] READERS = {"admin", "operator", "supervisor", "department", "approver"};
    private static final String BASE = "/api/v1/rating-follow-ups";
    private static final String ID = BASE + "/(?<id>[0-9]{1,18})";

    private final RatingFollowUps followUps;
    private final WebAccess access;
    private final HallClock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public RatingFollowUpRoutes(@Reference RatingFollowUps followUps, @Reference WebAccess access, @Reference HallClock clock) {
        this.followUps = followUps;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void contribute(Router router) {
        router.get(BASE).handler(access.requireAnyRole(READERS)).handler(this::list);
        router.get(BASE + "/figures").handler(access.requireAnyRole(READERS)).handler(this::figures);
        router.getWithRegex(ID).handler(access.requireAnyRole(READERS)).handler(this::one);
        router.postWithRegex(ID + "/callback").handler(access.requireAnyRole(UNIT)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            boolean justified = body.requiredBool("justified");
            String callback = body.required("callback", Fields.REASON);
            step(ctx, () -> followUps.callBack(id(ctx), justified, callback, actor(ctx)));
        });
        router.postWithRegex(ID + "/reply").handler(access.requireAnyRole(UNIT)).handler(ctx -> {
            String reply = Fields.of(ctx).required("reply", Fields.REASON);
            step(ctx, () -> followUps.reply(id(ctx), reply, actor(ctx)));
        });
        router.postWithRegex(ID + "/dispute").handler(access.requireAnyRole(UNIT)).handler(ctx -> {
            String evidence = Fields.of(ctx).required("evidence", Fields.REASON);
            step(ctx, () -> followUps.dispute(id(ctx), evidence, actor(ctx)));
        });
        router.postWithRegex(ID + "/decision").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            boolean upheld = body.requiredBool("upheld");
            String note = body.required("note", 500);
            step(ctx, () -> followUps.decide(id(ctx), upheld, note, actor(ctx)));
        });
        router.postWithRegex(ID + "/response").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            boolean satisfied = body.requiredBool("satisfied");
            String note = body.text("note", 500);
            step(ctx, () -> followUps.close(id(ctx), satisfied, note, actor(ctx)));
        });
    }

    private void list(RoutingContext ctx) {
        String stateParam = ctx.queryParams().get("state");
        Optional<FollowUpState> state = stateParam == null || stateParam.isEmpty() ? Optional.empty() : Optional.of(state(stateParam));
        String department = scope(ctx, ctx.queryParams().get("department"));
        int limit = limit(ctx.queryParams().get("limit"));
        if (limit < 1 || limit > 500) {
            throw new Fields.FieldProblem("invalid-limit", "limit", "limit: 1 到 500 (1 to 500)");
        }
        send(ctx, 200, () -> new JsonObject().put("followUps", new JsonArray(followUps.list(state, department, limit).stream()
                .map(RatingFollowUpJson::of).toList())));
    }

    private void one(RoutingContext ctx) {
        long id = id(ctx);
        String own = scope(ctx, "");
        send(ctx, 200, () -> followUps.find(id).filter(f -> own.isEmpty() || own.equals(f.departmentId())).map(RatingFollowUpJson::of)
                .orElseThrow(() -> ProblemException.notFound("unknown-follow-up", "没有差评回访 " + id + " (no such follow-up)")));
    }

    /** {@code ?from=&to=} hall days, inclusive; by default the current month up to today. A unit's user gets its unit's row. */
    private void figures(RoutingContext ctx) {
        LocalDate today = clock.today();
        LocalDate from = date(ctx.queryParams().get("from"), "from", today.withDayOfMonth(1));
        LocalDate to = date(ctx.queryParams().get("to"), "to", today);
        String own = unitUser(ctx) ? scope(ctx, "") : "";
        send(ctx, 200, () -> new JsonObject().put("from", from.toString()).put("to", to.toString())
                .put("figures", new JsonArray(followUps.figures(from, to).stream()
                        .filter(f -> own.isEmpty() || f.dimension().equals("unit") && f.key().equals(own))
                        .map(RatingFollowUpJson::of).toList())));
    }

    private static FollowUpState state(String text) {
        try {
            return FollowUpState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Fields.FieldProblem("invalid-state", "state", "state: 应为 " + java.util.Arrays.toString(FollowUpState.values())
                    + " 之一 (must be one of these)");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return 100;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LocalDate date(String text, String field, LocalDate fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Fields.FieldProblem("invalid-" + field, field, field + ": 日期格式应为 2026-11-27 (must be a date like 2026-11-27)");
        }
    }

    private void step(RoutingContext ctx, java.util.concurrent.Callable<RatingFollowUp> work) {
        send(ctx, 200, () -> RatingFollowUpJson.of(work.call()));
    }


    private static long id(RoutingContext ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }

    private CaseActor actor(RoutingContext ctx) {
        return CaseRequests.actor(ctx, 0, cluster);
    }

    private static String scope(RoutingContext ctx, String asked) {
        return DepartmentScope.readable(ctx.get(WebAccess.PRINCIPAL), asked, "差评回访");
    }

    private static boolean unitUser(RoutingContext ctx) {
        return DepartmentScope.unitReader(ctx.get(WebAccess.PRINCIPAL));
    }
}
