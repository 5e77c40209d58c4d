package org.onedoor.web.internal.security;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail over HTTP: every API request that changes something is recorded when it is
 * answered (who, from where, what, the status), and {@code GET /api/v1/admin/audit} reads the
 * trail and {@code GET /api/v1/admin/audit/verify} checks its hash chain (admins and supervisors). Sign-ins and user changes are recorded by their own routes.
 */
@Component(service = RouteContributor.class)
public final class AuditRoutes implements RouteContributor {

    /** Runs before every other route, so every answered write is seen. */
    public static final int ORDER = -1000;

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /**
     * Writes recorded by their own routes (sign-ins, users, device tokens), public checks that change
     * nothing, and complaints and the staff registry, which the core audits in each step's own transaction.
     */
    private static final Pattern NOT_HERE = Pattern.compile(
            "/api/v1/(auth/.*|admin/users.*|admin/device-tokens|matters/[^/]+/check|complaints(/.*)?|staff(/.*)?)");
    private static final Map<Pattern, String> ACTIONS = Map.of(
            Pattern.compile("/api/v1/zones/[^/]+/enable"), "zone-enable",
            Pattern.compile("/api/v1/zones/[^/]+/disable"), "zone-disable",
            Pattern.compile("/api/v1/zones/[^/]+/notice"), "zone-notice",
            Pattern.compile("/api/v1/catalog/.*"), "catalog-file",
            Pattern.compile("/api/v1/matter-changes"), "matter-adjustment-file",
            Pattern.compile("/api/v1/matter-changes/[^/]+/confirm"), "matter-adjustment-confirm",
            Pattern.compile("/api/v1/matter-changes/[^/]+/reject"), "matter-adjustment-reject",
            Pattern.compile("/api/v1/calendar/.*"), "calendar-load");

    private final AuditTrail trail;
    private final WebAccess access;

    @Activate
    public AuditRoutes(@Reference AuditTrail trail, @Reference WebAccess access) {
        this.trail = trail;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.route("/api/v1/*").order(ORDER).handler(this::recordWrites);
        router.get("/api/v1/admin/audit").handler(access.requireAnyRole("admin", "supervisor")).handler(this::read);
        router.get("/api/v1/admin/audit/verify").handler(access.requireAnyRole("admin", "supervisor")).handler(this::verify);
    }

    private void recordWrites(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!READS.contains(ctx.request().method()) && !NOT_HERE.matcher(path).matches()) {
            String method = ctx.request().method().name();
            ctx.addEndHandler(done -> {
                int status = ctx.response().getStatusCode();
                String outcome = status < 400 ? AuditEvent.SUCCESS : status == 401 || status == 403 ? AuditEvent.REFUSED : AuditEvent.FAILURE;
                AuditLog.record(trail, ctx, action(method, path), method + " " + path, outcome, "HTTP " + status);
            });
        }
        ctx.next();
    }

    /** @return the audit action of a write request, e.g. {@code zone-disable}; {@code catalog-file-load} or {@code -unload} by method */
    public static String action(String method, String path) {
        for (Map.Entry<Pattern, String> e : ACTIONS.entrySet()) {
            if (e.getKey().matcher(path).matches()) {
                return e.getValue().equals("catalog-file") ? "catalog-file-" + (method.equals("DELETE") ? "unload" : "load") : e.getValue();
            }
        }
        return "api-write";
    }

    private void read(RoutingContext ctx) {
        String action = ctx.queryParams().get("action");
        String actor = ctx.queryParams().get("actor");
        int limit;
        try {
            limit = Integer.parseInt(ctx.queryParams().contains("limit") ? ctx.queryParams().get("limit") : "100");
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-limit", "limit must be a number from 1 to 1000");
        }
        int max = limit;
        ctx.vertx().executeBlocking(() -> trail.recent(action, actor, max), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            JsonArray items = new JsonArray();
            for (AuditRecord rec : r.result()) {
                AuditEvent e = rec.event();
                items.add(new JsonObject().put("id", rec.id()).put("at", rec.at().toString()).put("action", e.action())
                        .put("actor", e.actor()).put("origin", e.origin()).put("target", e.target()).put("outcome", e.outcome())
                        .put("detail", e.detail()).put("node", rec.node()));
            }
            Json.send(ctx, 200, new JsonObject().put("count", items.size()).put("records", items));
        }));
    }

    private void verify(RoutingContext ctx) {
        ctx.vertx().executeBlocking(trail::verify, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            AuditVerification v = r.result();
            JsonObject body = new JsonObject().put("intact", v.intact()).put("checked", v.checked());
            if (!v.intact()) {
                body.put("firstBrokenId", v.firstBrokenId()).put("problem", v.problem()).put("detail", v.detail());
            }
            Json.send(ctx, 200, body);
        }));
    }
}
