package org.onedoor.web.internal.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;
import org.onedoor.api.user.UserAdminException;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The user administration API under {@code /api/v1/admin/users}: list, create, set roles, reset passwords, disable (admins only). */
@Component(service = RouteContributor.class)
public final class UserRoutes implements RouteContributor {

    private static final Logger LOG = LoggerFactory.getLogger(UserRoutes.class);
    private static final String BASE = "/api/v1/admin/users";

    private final HallUsers users;
    private final WebAccess access;
    private final AuditTrail audit;

    @Activate
    public UserRoutes(@Reference HallUsers users, @Reference WebAccess access, @Reference AuditTrail audit) {
        this.users = users;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public void contribute(Router router) {
        router.route(BASE + "*").handler(access.requireAnyRole(HallRole.ADMIN.id()));
        router.get(BASE).handler(this::list);
        router.post(BASE).handler(this::create);
        router.get(BASE + "/:name").handler(ctx -> answer(ctx, 200,
                () -> users.user(ctx.pathParam("name")).orElseThrow(() -> unknown(ctx.pathParam("name")))));
        router.put(BASE + "/:name/roles").handler(this::setRoles);
        router.post(BASE + "/:name/password").handler(this::resetPassword);
        router.post(BASE + "/:name/disable").handler(ctx -> {
            String name = ctx.pathParam("name");
            answer(ctx, 200, () -> logged(ctx, "user-disable", users.disable(name)));
        });
    }

    private void list(RoutingContext ctx) {
        ctx.vertx().executeBlocking(users::users, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            JsonArray items = new JsonArray();
            r.result().forEach(u -> items.add(json(u)));
            Json.send(ctx, 200, new JsonObject().put("count", items.size()).put("users", items));
        }));
    }

    private void create(RoutingContext ctx) {
        Fields body = Fields.of(ctx).refusedAs("invalid-user");
        String name = text(body, "username", Fields.USER);
        String password = text(body, "password", AuthRoutes.MAX_PASSWORD);
        Set<HallRole> roles = roles(body);
        Optional<String> department = department(body);
        answer(ctx, 201, () -> logged(ctx, "user-create", users.create(name, password, roles, department)));
    }

    private void setRoles(RoutingContext ctx) {
        Fields body = Fields.of(ctx).refusedAs("invalid-user");
        Set<HallRole> roles = roles(body);
        Optional<String> department = department(body);
        String name = ctx.pathParam("name");
        answer(ctx, 200, () -> logged(ctx, "user-roles", users.setRoles(name, roles, department)));
    }

    private void resetPassword(RoutingContext ctx) {
        String password = text(Fields.of(ctx).refusedAs("invalid-user"), "password", AuthRoutes.MAX_PASSWORD);
        String name = ctx.pathParam("name");
        answer(ctx, 200, () -> logged(ctx, "user-password-reset", users.resetPassword(name, password)));
    }

    /** Logs and audits a user change; runs on a worker thread, so the audit record is written before the answer. */
    private HallUser logged(RoutingContext ctx, String action, HallUser user) {
        String detail = "roles " + user.roles().stream().map(HallRole::id).sorted().toList()
                + user.department().map(d -> ", department " + d).orElse("") + (user.disabled() ? ", disabled" : "");
        LOG.info("{} of {} by {} over HTTP from {}: {}", action, user.name(), ctx.<String>get(WebAccess.USER), AuditLog.origin(ctx), detail);
        audit.record(new AuditEvent(action, ctx.get(WebAccess.USER), AuditLog.origin(ctx), user.name(), AuditEvent.SUCCESS, detail));
        return user;
    }

    private static String text(Fields body, String field, int max) {
        if (!body.has(field)) {
            throw new Fields.FieldProblem("invalid-user", field, "give \"" + field + "\" as a string");
        }
        body.text(field, max);
        return body.json().getString(field);
    }

    private static Set<HallRole> roles(Fields body) {
        if (!body.has("roles")) {
            throw new Fields.FieldProblem("invalid-user", "roles", "give \"roles\" as an array, e.g. [\"operator\"]");
        }
        Set<HallRole> roles = EnumSet.noneOf(HallRole.class);
        for (String r : body.texts("roles", 32)) {
            roles.add(HallRole.byId(r).orElseThrow(() -> ProblemException.badRequest("invalid-user",
                    "unknown role '" + Problems.echo(r) + "'; roles are admin, operator, technician, department, clerk, approver, supervisor, kiosk, viewer")));
        }
        return roles;
    }

    private static Optional<String> department(Fields body) {
        if (!body.has("department")) {
            return Optional.empty();
        }
        if (body.text("department", Fields.DEPARTMENT).isEmpty()) {
            throw new Fields.FieldProblem("invalid-user", "department", "give \"department\" as a department id such as \"A17\"");
        }
        return Optional.of(body.json().getString("department"));
    }

    private static ProblemException unknown(String name) {
        return ProblemException.notFound("unknown-user", "no user '" + Problems.echo(name) + "'");
    }

    private void answer(RoutingContext ctx, int status, Callable<HallUser> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(problem(r.cause()));
            } else {
                Json.send(ctx, status, json(r.result()));
            }
        }));
    }

    private static Throwable problem(Throwable cause) {
        if (cause instanceof UserAdminException e) {
            return switch (e.reason()) {
                case UNKNOWN_USER -> ProblemException.notFound("unknown-user", e.getMessage());
                case USER_EXISTS -> new ProblemException(409, "user-exists", "Conflict", e.getMessage());
                case INVALID -> ProblemException.badRequest("invalid-user", e.getMessage());
            };
        }
        return cause;
    }

    static JsonObject json(HallUser user) {
        JsonArray roles = new JsonArray();
        user.roles().stream().map(HallRole::id).sorted().forEach(roles::add);
        return new JsonObject().put("username", user.name()).put("roles", roles)
                .put("department", user.department().orElse(null)).put("disabled", user.disabled());
    }
}
