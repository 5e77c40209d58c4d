package org.onedoor.web.internal.cases;

import static org.onedoor.web.internal.cases.CaseRequests.CLERKS;
import static org.onedoor.web.internal.cases.CaseRequests.DECIDERS;
import static org.onedoor.web.internal.cases.CaseRequests.NUMBER;
import static org.onedoor.web.internal.cases.CaseRequests.RESULT;
import static org.onedoor.web.internal.cases.CaseRequests.STAFF;
import static org.onedoor.web.internal.cases.CaseRequests.applicant;
import static org.onedoor.web.internal.cases.CaseRequests.delivery;
import static org.onedoor.web.internal.cases.CaseRequests.departmentBound;
import static org.onedoor.web.internal.cases.CaseRequests.enumParam;
import static org.onedoor.web.internal.cases.CaseRequests.fee;
import static org.onedoor.web.internal.cases.CaseRequests.idempotencyKey;
import static org.onedoor.web.internal.cases.CaseRequests.intParam;
import static org.onedoor.web.internal.cases.CaseRequests.scopedDepartment;
import static org.onedoor.web.internal.cases.CaseRequests.send;
import static org.onedoor.web.internal.cases.CaseRequests.window;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AcceptedBundle;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseBundles;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Problems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The flow of cases over HTTP under {@code /api/v1/cases} (R3, R6, R9, R11): acceptance at a
 * window, materials, special steps, window sign-off, back-office decisions, result, delivery,
 * closing, and "one thing" bundles. Role checks here; department scoping and the rules in the core.
 * Case numbers in paths must look like one, so the fixed paths of other case routes never clash.
 */
@Component(service = RouteContributor.class)
public final class CaseRoutes implements RouteContributor {

    private static final String CASE = "/api/v1/cases/" + NUMBER;

    private final HallCases cases;
    private final CaseBundles bundles;
    private final CaseSupervision supervision;
    private final WebAccess access;
    private final HallClock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    /** The halls the node serves; absent, a body naming another hall than the default one is refused. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    @Activate
    public CaseRoutes(@Reference HallCases cases, @Reference CaseBundles bundles, @Reference CaseSupervision supervision,
            @Reference WebAccess access, @Reference HallClock clock) {
        this.cases = cases;
        this.bundles = bundles;
        this.supervision = supervision;
        this.access = access;
        this.clock = clock;
    }

    private CaseActor actor(RoutingContext ctx, int window) {
        return CaseRequests.actor(ctx, window, cluster);
    }

    /** The actor at a window of the hall the body names ({@code "hall"}, the default hall when it names none). */
    private CaseActor actor(RoutingContext ctx, Fields body, int window) {
        return CaseRequests.actor(ctx, CaseRequests.hall(body, halls), window, cluster);
    }

    private static String no(RoutingContext ctx) {
        return ctx.pathParam("no").toUpperCase(Locale.ROOT);
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/cases").handler(access.requireAnyRole(CLERKS)).handler(this::accept);
        router.post("/api/v1/cases/refusals").handler(access.requireAnyRole(CLERKS)).handler(this::refuse);
        router.get("/api/v1/cases").handler(access.requireAnyRole(STAFF)).handler(this::list);
        router.get("/api/v1/cases/back-office").handler(access.requireAnyRole(DECIDERS)).handler(this::backOffice);
        router.getWithRegex(CASE).handler(access.requireAnyRole(STAFF)).handler(ctx -> send(ctx, 200, () -> {
            HallCase h = readable(ctx, no(ctx));
            return withHalls(view(h)).put("history", new JsonArray(cases.history(h.number()).stream().map(CaseJson::history).toList()));
        }));
        router.postWithRegex(CASE + "/materials").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            List<String> names = Fields.of(ctx).texts("materials", Fields.MATERIAL);
            send(ctx, 200, () -> view(cases.supply(no(ctx), names, actor(ctx, 0))));
        });
        router.postWithRegex(CASE + "/steps/(?<step>[A-Za-z_-]+)/start").handler(access.requireAnyRole(DECIDERS)).handler(ctx -> {
            SpecialStep step = enumParam(SpecialStep.class, ctx.pathParam("step"), "step");
            send(ctx, 200, () -> view(cases.startStep(no(ctx), step, actor(ctx, 0))));
        });
        router.postWithRegex(CASE + "/steps/(?<step>[A-Za-z_-]+)").handler(access.requireAnyRole(DECIDERS)).handler(ctx -> {
            SpecialStep step = enumParam(SpecialStep.class, ctx.pathParam("step"), "step");
            send(ctx, 200, () -> view(cases.completeStep(no(ctx), step, actor(ctx, 0))));
        });
        router.postWithRegex(CASE + "/sign-off").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            boolean approve = body.requiredBool("approve");
            String reason = body.text("reason", Fields.REASON);
            Optional<BigDecimal> fee = fee(body, "feeCharged");
            int window = window(body);
            send(ctx, 200, () -> view(cases.signOff(no(ctx), approve, reason, fee, actor(ctx, body, window))));
        });
        router.postWithRegex(CASE + "/decision").handler(access.requireAnyRole(DECIDERS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            boolean approve = body.requiredBool("approve");
            String reason = body.text("reason", Fields.REASON);
            Optional<BigDecimal> fee = fee(body, "feeCharged");
            send(ctx, 200, () -> view(cases.decide(no(ctx), approve, reason, fee, actor(ctx, 0))));
        });
        router.postWithRegex(CASE + "/withdrawal").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            String reason = body.text("reason", Fields.REASON);
            int window = window(body);
            send(ctx, 200, () -> view(cases.withdraw(no(ctx), reason, actor(ctx, body, window))));
        });
        router.postWithRegex(CASE + "/termination").handler(access.requireAnyRole(DECIDERS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            String reason = body.required("reason", Fields.REASON);
            send(ctx, 200, () -> view(cases.terminate(no(ctx), reason, actor(ctx, 0))));
        });
        router.postWithRegex(CASE + "/correction").handler(access.requireAnyRole(DECIDERS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            boolean approve = body.requiredBool("approve");
            String reason = body.required("reason", Fields.REASON);
            send(ctx, 200, () -> view(cases.correct(no(ctx), approve, reason, actor(ctx, 0))));
        });
        router.postWithRegex(CASE + "/result-ready").handler(access.requireAnyRole(RESULT))
                .handler(ctx -> send(ctx, 200, () -> view(cases.resultReady(no(ctx), actor(ctx, 0)))));
        router.postWithRegex(CASE + "/delivery").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            Delivery d = delivery(body);
            int window = window(body);
            send(ctx, 200, () -> {
                HallCase h = cases.deliver(no(ctx), d, actor(ctx, body, window));
                return CaseJson.handedOver(view(h), h);
            });
        });
        router.postWithRegex(CASE + "/close").handler(access.requireAnyRole(CLERKS))
                .handler(ctx -> send(ctx, 200, () -> view(cases.close(no(ctx), actor(ctx, 0)))));
        router.post("/api/v1/cases/bundles").handler(access.requireAnyRole(CLERKS)).handler(this::acceptBundle);
        router.get("/api/v1/cases/bundles/:no").handler(access.requireAnyRole(STAFF)).handler(ctx -> send(ctx, 200, () -> {
            CaseBundle b = bundles.bundle(no(ctx)).orElseThrow(() -> ProblemException.notFound("unknown-bundle", "没有“一件事” " + Problems.echo(no(ctx))));
            HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
            if (!departmentBound(p)) {
                return CaseJson.bundle(b, true);
            }
            String own = p.department().orElse("");
            if (b.parts().stream().noneMatch(part -> part.departmentId().equals(own))) {
                throw new ProblemException(403, "out-of-department", "Forbidden", "“一件事” " + b.number() + " 没有本部门的事项");
            }
            return CaseJson.bundleFor(b, own);
        }));
        router.post("/api/v1/cases/bundles/:no/delivery").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            Delivery d = delivery(body);
            int window = window(body);
            send(ctx, 200, () -> CaseJson.handedOver(bundles.deliverBundle(no(ctx), d, actor(ctx, body, window))));
        });
    }

    /** Adds the case's two halls (R13): {@code acceptedHall}, {@code handlingHall}, {@code sameCity}. */
    private JsonObject withHalls(JsonObject view) {
        cases.halls(view.getString("number")).ifPresent(h -> view.put("acceptedHall", h.acceptedHallId())
                .put("handlingHall", h.handlingHallId()).put("sameCity", h.sameCity()));
        return view;
    }

    private JsonObject view(HallCase h) {
        CaseTiming timing;
        try {
            timing = supervision.timing(h);
        } catch (CalendarYearMissingException e) {
            timing = null;
        }
        return CaseJson.staff(h, timing);
    }

    private HallCase readable(RoutingContext ctx, String number) {
        HallCase h = cases.find(number).orElseThrow(() -> ProblemException.notFound("unknown-case", "没有办件 " + Problems.echo(number)));
        HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
        if (departmentBound(p) && !p.department().map(h.departmentId()::equals).orElse(false)) {
            throw new ProblemException(403, "out-of-department", "Forbidden", "办件 " + h.number() + " 属于 " + h.departmentId()
                    + "，用户 " + p.user() + " 只能查看本部门的办件");
        }
        return h;
    }

    private void accept(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        CaseChannel channel = channel(body);
        int window = window(body);
        AcceptRequest r;
        try {
            r = new AcceptRequest(body.required("matter", Fields.MATTER), applicant(body, clock.today()), body.texts("materials", Fields.MATERIAL), channel, window,
                    idempotencyKey(ctx), CaseRequests.handlingHall(body, halls), applicationFields(body), CaseRequests.mailAddress(body));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-application", e.getMessage());
        }
        send(ctx, 201, () -> {
            AcceptedCase a = cases.accept(r, actor(ctx, body, window));
            return withHalls(view(a.hallCase())).put("checkCode", a.checkCode()).put("replayed", a.replayed());
        });
    }

    /** 不予受理: the application as for acceptance, with the reason; recorded as a refused case, 201 with its number and check code. */
    private void refuse(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        CaseChannel channel = channel(body);
        int window = window(body);
        String reason = body.required("reason", Fields.REASON);
        AcceptRequest r;
        try {
            r = new AcceptRequest(body.required("matter", Fields.MATTER), applicant(body, clock.today()), body.texts("materials", Fields.MATERIAL), channel, window,
                    idempotencyKey(ctx), CaseRequests.handlingHall(body, halls), applicationFields(body));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-application", e.getMessage());
        }
        send(ctx, 201, () -> {
            AcceptedCase a = cases.refuse(r, reason, actor(ctx, body, window));
            return withHalls(view(a.hallCase())).put("checkCode", a.checkCode()).put("replayed", a.replayed());
        });
    }

    private void acceptBundle(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        CaseChannel channel = channel(body);
        int window = window(body);
        List<BundleRequest.Part> parts = new ArrayList<>();
        if (!(body.json().getValue("parts") instanceof JsonArray)) {
            throw new Fields.FieldProblem("invalid-application", "parts", "parts: [{\"matter\": \"A15-001\", \"materials\": [...]}, ...]");
        }
        for (Fields part : body.refusedAs("invalid-application").objects("parts")) {
            parts.add(new BundleRequest.Part(part.required("matter", Fields.MATTER), part.texts("materials", Fields.MATERIAL)));
        }
        BundleRequest r;
        try {
            String oneThing = body.text("oneThing", 8);
            String name = oneThing.isEmpty() ? body.required("name", Fields.NAME) : body.text("name", Fields.NAME);
            r = new BundleRequest(name.isEmpty() ? "“一件事”" : name, applicant(body, clock.today()), parts, channel, window, idempotencyKey(ctx), oneThing,
                    applicationFields(body));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-application", e.getMessage());
        }
        send(ctx, 201, () -> {
            AcceptedBundle a = bundles.acceptBundle(r, actor(ctx, body, window));
            return CaseJson.bundle(a.bundle(), true).put("checkCode", a.checkCode()).put("replayed", a.replayed());
        });
    }

    /** @return the application's fields for the departments' rules ({@code fields}, as for the check route), empty when none */
    private static java.util.Map<String, String> applicationFields(Fields body) {
        return body.textMap("fields", Fields.SHORT, Fields.REASON);
    }

    private static CaseChannel channel(Fields body) {
        String channel = body.text("channel", 16);
        return enumParam(CaseChannel.class, channel.isEmpty() ? "WINDOW" : channel, "channel");
    }

    private void list(RoutingContext ctx) {
        String state = ctx.queryParams().get("state");
        Optional<CaseState> s = state == null || state.isEmpty() ? Optional.empty() : Optional.of(enumParam(CaseState.class, state, "state"));
        String dept = scopedDepartment(ctx, ctx.queryParams().get("department"));
        int limit = intParam(ctx.queryParams().get("limit"), 100);
        CaseQuery q;
        try {
            q = new CaseQuery(dept.isEmpty() ? Optional.empty() : Optional.of(dept), s, limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-query", e.getMessage());
        }
        send(ctx, 200, () -> new JsonObject().put("cases", new JsonArray(cases.cases(q).stream().map(this::view).toList())));
    }

    private void backOffice(RoutingContext ctx) {
        String dept = scopedDepartment(ctx, ctx.queryParams().get("department"));
        if (dept.isEmpty()) {
            throw ProblemException.badRequest("department-required", "name the department: ?department=A17");
        }
        send(ctx, 200, () -> new JsonObject().put("departmentId", dept)
                .put("cases", new JsonArray(cases.backOffice(dept).stream().map(this::view).toList())));
    }
}
