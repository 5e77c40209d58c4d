package org.onedoor.web.internal.staff;

import static org.onedoor.web.internal.cases.CaseRequests.send;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.DispatchForm;
import org.onedoor.api.staff.DispatchRequest;
import org.onedoor.api.staff.FormState;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffRegistry;
import org.onedoor.api.staff.Training;
import org.onedoor.api.staff.TrainingResult;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.cases.CaseRequests;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The staff registry over HTTP under {@code /api/v1/staff} (R15, R16). A unit's department users
 * file dispatch and withdrawal forms for their own unit and see only its staff and forms; the hall's
 * admin or supervisor approves or refuses the forms; the hall's admin, operators and supervisors
 * record trainings and see every unit. Any signed-in user reads its own record at
 * {@code /api/v1/staff/me}. The core audits every change; these routes do not.
 */
@Component(service = RouteContributor.class)
public final class StaffRoutes implements RouteContributor {

    private static final String[] HALL = {"admin", "operator", "supervisor"};
    private static final String[] SIGNERS = {"admin", "supervisor"};
    private static final String[] READERS = {"admin", "operator", "supervisor", "department"};
    private static final String[] ANYONE = {"admin", "operator", "technician", "department", "clerk", "approver", "supervisor", "viewer"};
    private static final String MEMBER = "/api/v1/staff/(?<id>[0-9]{1,18})";
    private static final String FORM = "/api/v1/staff/forms/(?<id>[0-9]{1,18})";

    private final StaffRegistry registry;
    private final WebAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public StaffRoutes(@Reference StaffRegistry registry, @Reference WebAccess access) {
        this.registry = registry;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/staff/posts").handler(ctx -> Json.send(ctx, 200, new JsonObject().put("posts", new JsonArray(Arrays.stream(Post.values())
                .map(p -> new JsonObject().put("post", p.name()).put("zh", p.chinese()).put("en", p.english()).put("twoYearLock", p.twoYearLock()))
                .toList()))));
        router.get("/api/v1/staff").handler(access.requireAnyRole(READERS)).handler(ctx -> {
            Optional<String> unit = scope(ctx, ctx.queryParams().get("unit"));
            send(ctx, 200, () -> new JsonObject().put("staff", new JsonArray(registry.members(unit).stream().map(StaffRoutes::member).toList())));
        });
        router.get("/api/v1/staff/me").handler(access.requireAnyRole(ANYONE)).handler(ctx -> {
            String user = ctx.get(WebAccess.USER);
            send(ctx, 200, () -> registry.memberOfUser(user).map(m -> withTrainings(m))
                    .orElseThrow(() -> ProblemException.notFound("unknown-staff", "用户 " + user + " 没有工作人员记录 (no staff record for this user)")));
        });
        router.getWithRegex(MEMBER).handler(access.requireAnyRole(READERS)).handler(ctx -> {
            long id = id(ctx);
            send(ctx, 200, () -> withTrainings(visible(ctx, id)));
        });
        router.getWithRegex(MEMBER + "/photo").handler(access.requireAnyRole(READERS)).handler(ctx -> {
            long id = id(ctx);
            ctx.vertx().executeBlocking(() -> {
                visible(ctx, id);
                return registry.photo(id).orElseThrow(() -> ProblemException.notFound("no-photo", "没有照片 (no photo kept)"));
            }, false).onComplete(Guarded.completion(ctx, r -> {
                if (r.failed()) {
                    ctx.fail(r.cause());
                    return;
                }
                byte[] b = r.result();
                ctx.response().putHeader("Content-Type", b[0] == (byte) 0x89 ? "image/png" : "image/jpeg")
                        .putHeader("Cache-Control", "no-store").end(io.vertx.core.buffer.Buffer.buffer(b));
            }));
        });
        router.putWithRegex(MEMBER + "/photo").handler(access.requireAnyRole(READERS)).handler(ctx -> {
            long id = id(ctx);
            byte[] image = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            send(ctx, 200, () -> member(registry.setPhoto(id, image, principal(ctx), origin())));
        });
        router.post("/api/v1/staff/dispatch").handler(access.requireAnyRole("department")).handler(ctx -> {
            Fields body = Fields.of(ctx);
            HallPrincipal p = principal(ctx);
            String unit = body.text("unitId", Fields.DEPARTMENT);
            DispatchRequest r = new DispatchRequest(body.required("realName", Fields.NAME),
                    unit.isEmpty() ? p.department().orElse("") : unit, choice(body, "post", Post.class), body.required("userName", Fields.NAME),
                    body.required("reason", Fields.REASON));
            send(ctx, 201, () -> form(registry.fileDispatch(r, p, origin())));
        });
        router.postWithRegex(MEMBER + "/withdrawal").handler(access.requireAnyRole("department")).handler(ctx -> {
            String reason = Fields.of(ctx).required("reason", Fields.REASON);
            long id = id(ctx);
            send(ctx, 201, () -> form(registry.fileWithdrawal(id, reason, principal(ctx), origin())));
        });
        router.postWithRegex(MEMBER + "/trainings").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            String course = body.required("course", 100);
            java.time.LocalDate on = body.date("trainedOn");
            TrainingResult result = choice(body, "result", TrainingResult.class);
            long id = id(ctx);
            send(ctx, 201, () -> training(registry.recordTraining(id, course, on, result, principal(ctx), origin())));
        });
        router.get("/api/v1/staff/forms").handler(access.requireAnyRole(READERS)).handler(ctx -> {
            String s = ctx.queryParams().get("state");
            Optional<FormState> state = s == null || s.isBlank() ? Optional.empty()
                    : Optional.of(CaseRequests.enumParam(FormState.class, s, "state"));
            Optional<String> unit = scope(ctx, ctx.queryParams().get("unit"));
            send(ctx, 200, () -> new JsonObject().put("forms", new JsonArray(registry.forms(state, unit).stream().map(StaffRoutes::form).toList())));
        });
        router.postWithRegex(FORM + "/approve").handler(access.requireAnyRole(SIGNERS)).handler(ctx -> {
            String agreement = Fields.ofOptional(ctx).text("agreement", 200);
            long id = id(ctx);
            send(ctx, 200, () -> form(registry.approve(id, agreement.isEmpty() ? Optional.empty() : Optional.of(agreement), principal(ctx),
                    origin())));
        });
        router.postWithRegex(FORM + "/reject").handler(access.requireAnyRole(SIGNERS)).handler(ctx -> {
            String reason = Fields.of(ctx).required("reason", Fields.REASON);
            long id = id(ctx);
            send(ctx, 200, () -> form(registry.reject(id, reason, principal(ctx), origin())));
        });
    }

    /** @return the member, if the caller may see it (its own unit for a department user); 404 otherwise */
    private StaffMember visible(RoutingContext ctx, long id) {
        Optional<String> own = scope(ctx, "");
        return registry.member(id).filter(m -> own.isEmpty() || own.get().equals(m.unitId()))
                .orElseThrow(() -> ProblemException.notFound("unknown-staff", "没有工作人员记录 " + id + " (no such staff record)"));
    }

    private JsonObject withTrainings(StaffMember m) {
        return member(m).put("trainings", new JsonArray(registry.trainings(m.id()).stream().map(StaffRoutes::training).toList()));
    }

    /** A department user sees its own unit only; the hall's staff see every unit, or the one asked for. */
    static Optional<String> scope(RoutingContext ctx, String asked) {
        String wanted = asked == null ? "" : asked.strip().toUpperCase(Locale.ROOT);
        HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
        if (p.holdsAny(Set.of(HALL))) {
            return wanted.isEmpty() ? Optional.empty() : Optional.of(wanted);
        }
        String own = p.department().orElseThrow(() -> new ProblemException(403, "out-of-department", "Forbidden",
                "用户 " + p.user() + " 未归属任何单位 (user acts for no unit)"));
        if (!wanted.isEmpty() && !wanted.equals(own)) {
            throw new ProblemException(403, "out-of-department", "Forbidden", "用户 " + p.user() + " 只能查看本单位 " + own
                    + " 的工作人员 (a unit sees its own staff only)");
        }
        return Optional.of(own);
    }

    static <E extends Enum<E>> E choice(Fields body, String field, Class<E> type) {
        String value = body.required(field, 32);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Fields.FieldProblem("invalid-" + field, field, field + ": 应为 " + Arrays.toString(type.getEnumConstants())
                    + " 之一 (must be one of these)");
        }
    }

    static HallPrincipal principal(RoutingContext ctx) {
        return ctx.get(WebAccess.PRINCIPAL);
    }

    private String origin() {
        return origin(cluster);
    }

    /** @return where a change comes from: this node */
    static String origin(HallCluster c) {
        return "node:" + (c == null ? "local" : c.nodeId());
    }

    static long id(RoutingContext ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }

    static JsonObject member(StaffMember m) {
        return new JsonObject().put("id", m.id()).put("staffNumber", m.staffNumber().orElse(null)).put("realName", m.realName())
                .put("unitId", m.unitId()).put("post", m.post().name()).put("postZh", m.post().chinese()).put("postEn", m.post().english())
                .put("userName", m.userName()).put("state", m.state().name())
                .put("dispatchedOn", m.dispatchedOn().map(Object::toString).orElse(null))
                .put("withdrawnOn", m.withdrawnOn().map(Object::toString).orElse(null))
                .put("hasPhoto", m.hasPhoto()).put("trained", m.trained());
    }

    static JsonObject form(DispatchForm f) {
        return new JsonObject().put("id", f.id()).put("kind", f.kind().name()).put("kindZh", f.kind().chinese()).put("staffId", f.staffId())
                .put("unitId", f.unitId()).put("reason", f.reason()).put("filedBy", f.filedBy()).put("filedAt", f.filedAt().toString())
                .put("state", f.state().name()).put("decidedBy", f.decidedBy().orElse(null))
                .put("decidedAt", f.decidedAt().map(Object::toString).orElse(null)).put("decision", f.decision())
                .put("hallAgreement", f.hallAgreement().orElse(null));
    }

    static JsonObject training(Training t) {
        return new JsonObject().put("id", t.id()).put("staffId", t.staffId()).put("course", t.course()).put("trainedOn", t.trainedOn().toString())
                .put("result", t.result().name()).put("resultZh", t.result().chinese()).put("recordedBy", t.recordedBy())
                .put("recordedAt", t.recordedAt().toString());
    }
}
