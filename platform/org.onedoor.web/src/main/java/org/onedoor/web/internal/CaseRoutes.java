package org.onedoor.web.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AcceptedBundle;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseAuthorizations;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseBundles;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.Rating;
import org.onedoor.api.cases.RatingReport;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Cases over HTTP under {@code /api/v1/cases} (R3–R12, R18): acceptance, materials, steps, window
 * sign-off, back-office decisions, delivery, bundles, authorization letters, officers, supervision,
 * the citizen's look-up and rating. Role checks here; department scoping and the rules in the core.
 */
@Component(service = RouteContributor.class)
public final class CaseRoutes implements RouteContributor {

    static final String[] STAFF = {"admin", "operator", "clerk", "approver", "department", "supervisor"};
    static final String[] CLERKS = {"admin", "operator", "clerk"};
    static final String[] DECIDERS = {"approver", "department"};
    static final String[] RESULT = {"admin", "operator", "clerk", "approver", "department"};
    static final String[] LETTERS = {"admin", "operator", "department"};
    static final String[] SUPERVISORS = {"admin", "operator", "supervisor", "department", "approver"};
    static final String[] DASHBOARD = {"admin", "supervisor"};
    private static final Set<String> HALL_READERS = Set.of("admin", "operator", "clerk", "supervisor");
    private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private final HallCases cases;
    private final CaseBundles bundles;
    private final CaseAuthorizations letters;
    private final CaseSupervision supervision;
    private final CaseEvaluations evaluations;
    private final WebAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public CaseRoutes(@Reference HallCases cases, @Reference CaseBundles bundles, @Reference CaseAuthorizations letters,
            @Reference CaseSupervision supervision, @Reference CaseEvaluations evaluations, @Reference WebAccess access) {
        this.cases = cases;
        this.bundles = bundles;
        this.letters = letters;
        this.supervision = supervision;
        this.evaluations = evaluations;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        // citizens (public; answers only masked data)
        router.post("/api/v1/cases/lookup").handler(this::lookup);
        router.post("/api/v1/cases/:no/evaluation").handler(this::rate);
        // fixed paths before /api/v1/cases/:no
        router.post("/api/v1/cases/bundles").handler(access.requireAnyRole(CLERKS)).handler(this::acceptBundle);
        router.get("/api/v1/cases/bundles/:no").handler(access.requireAnyRole(STAFF)).handler(ctx -> send(ctx, 200, () -> {
            CaseBundle b = bundles.bundle(ctx.pathParam("no").toUpperCase(Locale.ROOT)).orElseThrow(() -> ProblemException.notFound(
                    "unknown-bundle", "没有“一件事” " + ctx.pathParam("no")));
            HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
            if (departmentBound(p) && b.parts().stream().noneMatch(part -> p.department().map(part.departmentId()::equals).orElse(false))) {
                throw new ProblemException(403, "out-of-department", "Forbidden", "“一件事” " + b.number() + " 没有本部门的事项");
            }
            return CaseJson.bundle(b, true);
        }));
        router.post("/api/v1/cases/bundles/:no/delivery").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            Delivery d = delivery(Json.body(ctx));
            send(ctx, 200, () -> CaseJson.bundle(bundles.deliverBundle(ctx.pathParam("no"), d, actor(ctx, 0)), true));
        });
        router.get("/api/v1/cases/back-office").handler(access.requireAnyRole(DECIDERS)).handler(this::backOffice);
        router.get("/api/v1/cases/authorizations").handler(access.requireAnyRole(LETTERS)).handler(ctx -> {
            String dept = scopedDepartment(ctx, ctx.queryParams().get("department"));
            send(ctx, 200, () -> new JsonObject().put("letters", new JsonArray(letters.letters(dept).stream().map(CaseJson::letter).toList())));
        });
        router.post("/api/v1/cases/authorizations").handler(access.requireAnyRole(LETTERS)).handler(this::fileLetter);
        router.post("/api/v1/cases/authorizations/:id/revoke").handler(access.requireAnyRole(LETTERS)).handler(ctx -> {
            long id = longParam(ctx.pathParam("id"));
            send(ctx, 200, () -> CaseJson.letter(letters.revoke(id, actor(ctx, 0))));
        });
        router.put("/api/v1/cases/officers/:dept").handler(access.requireAnyRole(LETTERS)).handler(ctx -> {
            String officer = string(Json.body(ctx), "officer");
            String dept = ctx.pathParam("dept").toUpperCase(Locale.ROOT);
            send(ctx, 200, () -> {
                supervision.nameOfficer(dept, officer, actor(ctx, 0));
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
                    new JsonArray(supervision.checkIn(dept, actor(ctx, 0)).stream().map(CaseJson::call).toList())));
        });
        router.get("/api/v1/cases/alerts").handler(access.requireAnyRole(SUPERVISORS)).handler(ctx -> {
            String dept = scopedDepartment(ctx, ctx.queryParams().get("department"));
            send(ctx, 200, () -> new JsonObject().put("alerts", new JsonArray(supervision.alerts(dept).stream().map(CaseJson::alert).toList())));
        });
        router.get("/api/v1/cases/conversion-flags").handler(access.requireAnyRole(DASHBOARD[0], DASHBOARD[1], "operator")).handler(ctx -> {
            YearMonth month = month(ctx.queryParams().get("month"));
            send(ctx, 200, () -> new JsonObject().put("month", month.toString())
                    .put("flags", new JsonArray(supervision.conversionFlags(month).stream().map(CaseJson::flag).toList())));
        });
        router.get("/api/v1/cases/evaluations/summary").handler(access.requireAnyRole(DASHBOARD)).handler(ctx -> send(ctx, 200, () -> {
            RatingReport r = evaluations.report();
            return new JsonObject().put("clerks", CaseJson.summaries(r.clerks())).put("approvers", CaseJson.summaries(r.approvers()))
                    .put("departments", CaseJson.summaries(r.departments()));
        }));
        // cases
        router.post("/api/v1/cases").handler(access.requireAnyRole(CLERKS)).handler(this::accept);
        router.get("/api/v1/cases").handler(access.requireAnyRole(STAFF)).handler(this::list);
        router.get("/api/v1/cases/:no").handler(access.requireAnyRole(STAFF)).handler(ctx -> send(ctx, 200, () -> {
            HallCase h = readable(ctx, ctx.pathParam("no"));
            return view(h).put("history", new JsonArray(cases.history(h.number()).stream().map(CaseJson::history).toList()));
        }));
        router.post("/api/v1/cases/:no/materials").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            List<String> names = strings(Json.body(ctx), "materials");
            send(ctx, 200, () -> view(cases.supply(ctx.pathParam("no"), names, actor(ctx, 0))));
        });
        router.post("/api/v1/cases/:no/steps/:step").handler(access.requireAnyRole(DECIDERS)).handler(ctx -> {
            SpecialStep step = enumParam(SpecialStep.class, ctx.pathParam("step"), "step");
            send(ctx, 200, () -> view(cases.completeStep(ctx.pathParam("no"), step, actor(ctx, 0))));
        });
        router.post("/api/v1/cases/:no/sign-off").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            JsonObject body = Json.body(ctx);
            boolean approve = bool(body, "approve");
            String reason = body.getValue("reason") instanceof String s ? s : "";
            int window = body.getValue("window") instanceof Number n ? n.intValue() : 0;
            send(ctx, 200, () -> view(cases.signOff(ctx.pathParam("no"), approve, reason, actor(ctx, window))));
        });
        router.post("/api/v1/cases/:no/decision").handler(access.requireAnyRole(DECIDERS)).handler(ctx -> {
            JsonObject body = Json.body(ctx);
            boolean approve = bool(body, "approve");
            String reason = body.getValue("reason") instanceof String s ? s : "";
            send(ctx, 200, () -> view(cases.decide(ctx.pathParam("no"), approve, reason, actor(ctx, 0))));
        });
        router.post("/api/v1/cases/:no/result-ready").handler(access.requireAnyRole(RESULT))
                .handler(ctx -> send(ctx, 200, () -> view(cases.resultReady(ctx.pathParam("no"), actor(ctx, 0)))));
        router.post("/api/v1/cases/:no/delivery").handler(access.requireAnyRole(CLERKS)).handler(ctx -> {
            JsonObject body = Json.body(ctx);
            Delivery d = delivery(body);
            int window = body.getValue("window") instanceof Number n ? n.intValue() : 0;
            send(ctx, 200, () -> view(cases.deliver(ctx.pathParam("no"), d, actor(ctx, window))));
        });
        router.post("/api/v1/cases/:no/close").handler(access.requireAnyRole(CLERKS))
                .handler(ctx -> send(ctx, 200, () -> view(cases.close(ctx.pathParam("no"), actor(ctx, 0)))));
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

    // ---- handlers ----------------------------------------------------------------------------

    private void accept(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        CaseChannel channel = enumParam(CaseChannel.class, body.getValue("channel") instanceof String s ? s : "WINDOW", "channel");
        int window = body.getValue("window") instanceof Number n ? n.intValue() : 0;
        AcceptRequest r;
        try {
            r = new AcceptRequest(string(body, "matter"), applicant(body), strings(body, "materials"), channel, window,
                    idempotencyKey(ctx));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-application", e.getMessage());
        }
        send(ctx, 201, () -> {
            AcceptedCase a = cases.accept(r, actor(ctx, window));
            return view(a.hallCase()).put("checkCode", a.checkCode()).put("replayed", a.replayed());
        });
    }

    private void acceptBundle(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        CaseChannel channel = enumParam(CaseChannel.class, body.getValue("channel") instanceof String s ? s : "WINDOW", "channel");
        int window = body.getValue("window") instanceof Number n ? n.intValue() : 0;
        List<BundleRequest.Part> parts = new ArrayList<>();
        if (!(body.getValue("parts") instanceof JsonArray array)) {
            throw ProblemException.badRequest("invalid-application", "parts: [{\"matter\": \"A15-001\", \"materials\": [...]}, ...]");
        }
        for (Object o : array) {
            if (!(o instanceof JsonObject part)) {
                throw ProblemException.badRequest("invalid-application", "each part is {\"matter\": ..., \"materials\": [...]}");
            }
            parts.add(new BundleRequest.Part(string(part, "matter"), strings(part, "materials")));
        }
        BundleRequest r;
        try {
            r = new BundleRequest(string(body, "name"), applicant(body), parts, channel, window, idempotencyKey(ctx));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-application", e.getMessage());
        }
        send(ctx, 201, () -> {
            AcceptedBundle a = bundles.acceptBundle(r, actor(ctx, window));
            return CaseJson.bundle(a.bundle(), true).put("checkCode", a.checkCode()).put("replayed", a.replayed());
        });
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

    private void fileLetter(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String dept = string(body, "department").toUpperCase(Locale.ROOT);
        String staff = string(body, "staff");
        Set<String> matters = new LinkedHashSet<>(strings(body, "matters"));
        send(ctx, 201, () -> CaseJson.letter(letters.file(dept, staff, matters, actor(ctx, 0))));
    }

    private void lookup(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String number = string(body, "number").toUpperCase(Locale.ROOT);
        String code = string(body, "checkCode");
        send(ctx, 200, () -> {
            if (number.startsWith("YJS-")) {
                return bundles.lookupBundle(number, code).map(b -> CaseJson.bundle(b, false)).orElseThrow(CaseRoutes::noMatch);
            }
            return cases.lookup(number, code).map(CaseJson::citizen).orElseThrow(CaseRoutes::noMatch);
        });
    }

    private static ProblemException noMatch() {
        return ProblemException.notFound("unknown-case", "办件编号或查询码不正确 (no case with that number and check code)");
    }

    private void rate(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String code = string(body, "checkCode");
        int clerk = body.getValue("clerkScore") instanceof Number n ? n.intValue() : 0;
        int approver = body.getValue("approverScore") instanceof Number n ? n.intValue() : 0;
        String comment = body.getValue("comment") instanceof String s ? s : "";
        send(ctx, 201, () -> {
            Rating r = evaluations.rate(ctx.pathParam("no").toUpperCase(Locale.ROOT), code, clerk, approver, comment);
            return new JsonObject().put("caseNumber", r.caseNumber()).put("clerkScore", r.clerkScore())
                    .put("approverScore", r.approverScore()).put("ratedAt", r.ratedAt().toString());
        });
    }

    // ---- scoping and parsing -----------------------------------------------------------------

    /** A reader acting for one department (approver or department user) sees only that department. */
    private static boolean departmentBound(HallPrincipal p) {
        return !p.holdsAny(HALL_READERS);
    }

    private static String scopedDepartment(RoutingContext ctx, String asked) {
        HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
        String wanted = asked == null ? "" : asked.strip().toUpperCase(Locale.ROOT);
        if (!departmentBound(p)) {
            return wanted;
        }
        String own = p.department().orElseThrow(() -> new ProblemException(403, "out-of-department", "Forbidden",
                "用户 " + p.user() + " 未归属任何部门，只能查看本部门的办件 (user acts for no department)"));
        if (!wanted.isEmpty() && !wanted.equals(own)) {
            throw new ProblemException(403, "out-of-department", "Forbidden", "用户 " + p.user() + " 只能查看本部门 " + own + " 的办件");
        }
        return own;
    }

    private HallCase readable(RoutingContext ctx, String number) {
        HallCase h = cases.find(number.toUpperCase(Locale.ROOT)).orElseThrow(() -> ProblemException.notFound("unknown-case", "没有办件 " + number));
        HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
        if (departmentBound(p) && !p.department().map(h.departmentId()::equals).orElse(false)) {
            throw new ProblemException(403, "out-of-department", "Forbidden", "办件 " + h.number() + " 属于 " + h.departmentId()
                    + "，用户 " + p.user() + " 只能查看本部门的办件");
        }
        return h;
    }

    private CaseActor actor(RoutingContext ctx, int window) {
        HallCluster c = cluster;
        String origin = window > 0 ? "window:" + window : "node:" + (c == null ? "local" : c.nodeId());
        return new CaseActor(ctx.get(WebAccess.PRINCIPAL), origin);
    }

    private static Applicant applicant(JsonObject body) {
        if (!(body.getValue("applicant") instanceof JsonObject a)) {
            throw ProblemException.badRequest("invalid-application", "applicant: {\"name\": \"张三\", \"idNumber\": \"18位身份证号码\"}");
        }
        String id = a.getValue("idNumber") instanceof String s ? s.strip() : "";
        Optional<String> problem = ResidentIdNumber.problem(id);
        if (problem.isPresent()) {
            throw ProblemException.badRequest("invalid-id-number", problem.get());
        }
        try {
            return new Applicant(a.getValue("name") instanceof String s ? s : "", new ResidentIdNumber(id));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-application", e.getMessage());
        }
    }

    private static Delivery delivery(JsonObject body) {
        DeliveryMethod method = enumParam(DeliveryMethod.class, body.getValue("method") instanceof String s ? s : "", "method");
        try {
            return new Delivery(method, body.getValue("detail") instanceof String s ? s : "",
                    body.getValue("trackingNumber") instanceof String s ? s : "");
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-delivery", e.getMessage());
        }
    }

    private static String idempotencyKey(RoutingContext ctx) {
        String key = ctx.request().getHeader("Idempotency-Key");
        if (key != null && key.length() > 128) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key is at most 128 characters");
        }
        return key == null ? "" : key;
    }

    private static String string(JsonObject body, String field) {
        if (!(body.getValue(field) instanceof String s) || s.isBlank()) {
            throw ProblemException.badRequest("missing-field", "缺少字段 “" + field + "” (field '" + field + "' is required)");
        }
        return s.strip();
    }

    private static List<String> strings(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray array) || array.stream().anyMatch(o -> !(o instanceof String))) {
            throw ProblemException.badRequest("invalid-field", "“" + field + "” 应为字符串数组 (an array of strings)");
        }
        return array.stream().map(o -> ((String) o).strip()).toList();
    }

    private static boolean bool(JsonObject body, String field) {
        if (!(body.getValue(field) instanceof Boolean b)) {
            throw ProblemException.badRequest("missing-field", "缺少字段 “" + field + "”（true 或 false）");
        }
        return b;
    }

    static <E extends Enum<E>> E enumParam(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-" + field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static int intParam(String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-query", "'" + value + "' is not a number");
        }
    }

    private static long longParam(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("unknown-letter", "没有授权书 " + value);
        }
    }

    private static YearMonth month(String value) {
        if (value == null || value.isEmpty()) {
            return YearMonth.from(LocalDate.now(HALL_ZONE));
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-month", "month is written 2026-11");
        }
    }

    private static void send(RoutingContext ctx, int status, Callable<JsonObject> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                Json.send(ctx, status, r.result());
            }
        });
    }
}
