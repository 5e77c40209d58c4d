package org.onedoor.web.internal.evaluation;

import static org.onedoor.web.internal.cases.CaseRequests.enumParam;
import static org.onedoor.web.internal.cases.CaseRequests.intParam;
import static org.onedoor.web.internal.cases.CaseRequests.send;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.Complaint;
import org.onedoor.api.cases.ComplaintChannel;
import org.onedoor.api.cases.ComplaintKind;
import org.onedoor.api.cases.ComplaintRequest;
import org.onedoor.api.cases.ComplaintState;
import org.onedoor.api.cases.Complaints;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.cases.CaseRequests;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.DepartmentScope;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.queue.WindowRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Complaints over HTTP (R20). Citizens file at {@code POST /api/v1/complaints} (kiosk or citizen
 * page, public and rate-limited like every request without credentials); the hall's staff enter
 * desk, phone and 12345 complaints at {@code POST /api/v1/complaints/intake}; the hall assigns,
 * the unit replies, the hall records the complainant's answer and closes. A unit's users see only
 * complaints against their unit, with the complainant's name and phone masked. The core audits
 * every step in the step's transaction; these routes do not audit on their own.
 */
@Component(service = RouteContributor.class)
public final class ComplaintRoutes implements RouteContributor {

    private static final String[] INTAKE = {"admin", "operator", "supervisor", "clerk"};
    private static final String[] HALL = DepartmentScope.HALL_STAFF.toArray(String[]::new);
    private static final String[] READERS = {"admin", "operator", "supervisor", "department", "approver"};
    private static final String NUMBER = "/api/v1/complaints/(?<no>TS-\\d{8}-\\d{4})";

    private final Complaints complaints;
    private final WebAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public ComplaintRoutes(@Reference Complaints complaints, @Reference WebAccess access) {
        this.complaints = complaints;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/complaints").handler(this::fileByCitizen);
        router.post("/api/v1/complaints/intake").handler(access.requireAnyRole(INTAKE)).handler(this::fileByStaff);
        router.get("/api/v1/complaints").handler(access.requireAnyRole(READERS)).handler(this::list);
        router.getWithRegex(NUMBER).handler(access.requireAnyRole(READERS)).handler(this::one);
        router.postWithRegex(NUMBER + "/assign").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            String dept = Fields.of(ctx).required("departmentId", Fields.DEPARTMENT);
            step(ctx, () -> complaints.assign(number(ctx), dept, actor(ctx)));
        });
        router.postWithRegex(NUMBER + "/reply").handler(access.requireAnyRole("admin", "department", "approver")).handler(ctx -> {
            String reply = Fields.of(ctx).required("reply", Fields.REASON);
            step(ctx, () -> complaints.reply(number(ctx), reply, actor(ctx)));
        });
        router.postWithRegex(NUMBER + "/response").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            boolean accepted = body.requiredBool("accepted");
            String note = body.text("note", 500);
            step(ctx, () -> complaints.respond(number(ctx), accepted, note, actor(ctx)));
        });
        router.postWithRegex(NUMBER + "/close").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            String reason = Fields.of(ctx).required("reason", 500);
            step(ctx, () -> complaints.close(number(ctx), reason, actor(ctx)));
        });
    }

    private void fileByCitizen(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        ComplaintRequest r = request(body);
        if (r.channel().enteredByStaff()) {
            throw new Fields.FieldProblem("staff-channel", "channel", "channel: 公众可通过 KIOSK 或 CITIZEN_PAGE 投诉，"
                    + "电话和投诉台的投诉由工作人员登记 (citizens file by KIOSK or CITIZEN_PAGE)");
        }
        send(ctx, 201, () -> {
            Complaint c = complaints.file(r, Optional.empty(), AuditLog.origin(ctx));
            return new JsonObject().put("number", c.number()).put("state", c.state().name()).put("replyDue", c.replyDue().toString())
                    .put("message", "投诉已受理，编号 " + c.number() + "，工作人员将在答复期限内电话回复 (complaint received; "
                            + "the hall calls back by the due day)");
        });
    }

    private void fileByStaff(RoutingContext ctx) {
        ComplaintRequest r = request(Fields.of(ctx));
        send(ctx, 201, () -> ComplaintJson.full(complaints.file(r, Optional.of(actor(ctx)), AuditLog.origin(ctx))));
    }

    private static ComplaintRequest request(Fields body) {
        ComplaintChannel channel = choice(body, "channel", ComplaintChannel.class);
        ComplaintKind kind = choice(body, "kind", ComplaintKind.class);
        return new ComplaintRequest(channel, kind, body.required("complainant", Fields.NAME), body.required("phone", 32),
                body.text("departmentId", Fields.DEPARTMENT), body.text("caseNumber", Fields.CASE_NUMBER),
                body.integer("window", 0, 0, WindowRoutes.MAX_WINDOW), body.required("text", Fields.REASON));
    }

    private static <E extends Enum<E>> E choice(Fields body, String field, Class<E> type) {
        String value = body.required(field, 32);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Fields.FieldProblem("invalid-" + field, field, field + ": 应为 " + java.util.Arrays.toString(type.getEnumConstants())
                    + " 之一 (must be one of these)");
        }
    }

    private void list(RoutingContext ctx) {
        String stateParam = ctx.queryParams().get("state");
        Optional<ComplaintState> state = stateParam == null || stateParam.isEmpty() ? Optional.empty()
                : Optional.of(enumParam(ComplaintState.class, stateParam, "state"));
        String department = scope(ctx, ctx.queryParams().get("department"));
        int limit = intParam(ctx.queryParams().get("limit"), 100);
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("invalid-limit", "limit: 1 到 500 (1 to 500)");
        }
        boolean masked = unitUser(ctx);
        send(ctx, 200, () -> new JsonObject().put("complaints", new JsonArray(complaints.list(state, department, limit).stream()
                .map(c -> masked ? ComplaintJson.forUnit(c) : ComplaintJson.full(c)).toList())));
    }

    private void one(RoutingContext ctx) {
        String no = number(ctx);
        boolean masked = unitUser(ctx);
        String own = masked ? scope(ctx, "") : "";
        send(ctx, 200, () -> complaints.find(no).filter(c -> own.isEmpty() || own.equals(c.departmentId()))
                .map(c -> masked ? ComplaintJson.forUnit(c) : ComplaintJson.full(c))
                .orElseThrow(() -> ProblemException.notFound("unknown-complaint", "没有投诉 " + no + " (no such complaint)")));
    }

    private void step(RoutingContext ctx, java.util.concurrent.Callable<Complaint> work) {
        boolean masked = unitUser(ctx);
        send(ctx, 200, () -> {
            Complaint c = work.call();
            return masked ? ComplaintJson.forUnit(c) : ComplaintJson.full(c);
        });
    }


    private static String number(RoutingContext ctx) {
        return ctx.pathParam("no");
    }

    private CaseActor actor(RoutingContext ctx) {
        return CaseRequests.actor(ctx, 0, cluster);
    }

    private static String scope(RoutingContext ctx, String asked) {
        return DepartmentScope.readable(ctx.get(WebAccess.PRINCIPAL), asked, "投诉");
    }

    private static boolean unitUser(RoutingContext ctx) {
        return DepartmentScope.unitReader(ctx.get(WebAccess.PRINCIPAL));
    }
}
