package org.onedoor.web.internal.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterChange;
import org.onedoor.api.matter.MatterChangeKind;
import org.onedoor.api.matter.MatterChangeRequest;
import org.onedoor.api.matter.MatterChangeStatus;
import org.onedoor.api.matter.MatterChanges;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.DepartmentScope;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.onedoor.web.internal.queue.ZoneRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Dynamic adjustment of matters (R7) over HTTP: the public announcement feed and matter
 * histories; filing and listing adjustments for operators and (their own department's only)
 * department users; confirming and rejecting for operators.
 */
@Component(service = RouteContributor.class)
public final class MatterChangeRoutes implements RouteContributor {

    private static final String[] FILER_ROLES = {"admin", "operator", "department"};

    private final MatterChanges changes;
    private final MatterCatalog catalog;
    private final WebAccess access;
    private final HallClock clock;

    @Activate
    public MatterChangeRoutes(@Reference MatterChanges changes, @Reference MatterCatalog catalog, @Reference WebAccess access,
            @Reference HallClock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/announcements").handler(ctx -> blocking(ctx, changes::announcements, 200));
        router.get("/api/v1/matters/:code/history").handler(ctx -> blocking(ctx,
                () -> changes.history(ctx.pathParam("code")).stream().filter(c -> c.status() == MatterChangeStatus.CONFIRMED).toList(), 200));
        router.get("/api/v1/matter-changes").handler(access.requireAnyRole(FILER_ROLES)).handler(ctx -> {
            HallPrincipal principal = ctx.get(WebAccess.PRINCIPAL);
            blocking(ctx, () -> changes.awaitingConfirmation().stream()
                    .filter(c -> DepartmentScope.allows(principal, c.matter().departmentId())).toList(), 200);
        });
        router.post("/api/v1/matter-changes").handler(access.requireAnyRole(FILER_ROLES)).handler(this::file);
        router.post("/api/v1/matter-changes/:id/confirm").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES))
                .handler(ctx -> single(ctx, () -> changes.confirm(id(ctx), ctx.get(WebAccess.USER))));
        router.post("/api/v1/matter-changes/:id/reject").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES))
                .handler(ctx -> {
                    String reason = Fields.ofOptional(ctx).text("reason", Fields.REASON);
                    single(ctx, () -> changes.reject(id(ctx), reason, ctx.get(WebAccess.USER)));
                });
    }

    private void file(RoutingContext ctx) {
        Fields fields = Fields.of(ctx);
        JsonObject body = fields.json();
        MatterChangeKind kind;
        try {
            kind = MatterChangeKind.valueOf(fields.refusedAs("invalid-kind").text("kind", 16).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Fields.FieldProblem("invalid-kind", "kind", "kind must be ADD, CHANGE or CANCEL");
        }
        LocalDate effective = fields.refusedAs("invalid-date").date("effectiveDate");
        String code = fields.text("code", Fields.MATTER);
        String reason = fields.text("reason", Fields.REASON);
        Object matter = body.getValue("matter");
        if (matter != null && !(matter instanceof JsonObject) || matter == null && body.containsKey("matter")) {
            throw new Fields.FieldProblem("invalid-matter", "matter", "“matter” must be a catalog entry object");
        }
        if (kind != MatterChangeKind.CANCEL && !(matter instanceof JsonObject)) {
            throw ProblemException.badRequest("invalid-matter", "an " + kind + " needs the matter as a catalog entry in \"matter\"");
        }
        Set<String> touched = new HashSet<>();
        catalog.matter(code).map(Matter::departmentId).ifPresent(touched::add);
        if (matter instanceof JsonObject m && m.getValue("departmentId") instanceof String d) {
            touched.add(d);
        }
        DepartmentScope.require(ctx.get(WebAccess.PRINCIPAL), touched);
        MatterChangeRequest request = new MatterChangeRequest(kind, code,
                matter instanceof JsonObject m ? m.encode() : "", effective, reason, ctx.get(WebAccess.USER));
        single(ctx, () -> changes.file(request), 201);
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("unknown-adjustment", "no adjustment #" + Problems.echo(ctx.pathParam("id")));
        }
    }

    private void single(RoutingContext ctx, Callable<MatterChange> work) {
        single(ctx, work, 200);
    }

    private void single(RoutingContext ctx, Callable<MatterChange> work, int status) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(problem(r.cause()));
            } else {
                Json.send(ctx, status, json(r.result(), clock.today()));
            }
        }));
    }

    private void blocking(RoutingContext ctx, Callable<List<MatterChange>> work, int status) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(problem(r.cause()));
                return;
            }
            JsonArray items = new JsonArray();
            LocalDate today = clock.today();
            r.result().forEach(c -> items.add(json(c, today)));
            Json.send(ctx, status, new JsonObject().put("count", items.size()).put("items", items));
        }));
    }

    private static Throwable problem(Throwable cause) {
        if (cause instanceof IllegalStateException && cause.getMessage() != null && cause.getMessage().contains("already")) {
            return new ProblemException(409, "adjustment-decided", "Conflict", cause.getMessage());
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null && cause.getMessage().startsWith("no adjustment")) {
            return ProblemException.notFound("unknown-adjustment", cause.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return ProblemException.badRequest("invalid-adjustment", cause.getMessage());
        }
        return cause;
    }

    /** @param today the hall's day, against which "in force" and "overdue" are told */
    static JsonObject json(MatterChange c, LocalDate today) {
        return new JsonObject()
                .put("id", c.id())
                .put("kind", c.kind().name())
                .put("kindZh", c.kind().chinese()).put("kindEn", c.kind().english())
                .put("code", c.code())
                .put("nameZh", c.matter().nameZh())
                .put("departmentId", c.matter().departmentId())
                .put("effectiveDate", c.effectiveDate().toString())
                .put("reasonZh", c.reasonZh())
                .put("filedAt", c.filedAt().toString())
                .put("filedBy", c.filedBy())
                .put("confirmBy", c.confirmBy().toString())
                .put("overdue", c.overdueOn(today))
                .put("status", c.status().name())
                .put("decidedAt", c.decidedAt().map(Object::toString).orElse(null))
                .put("decidedBy", c.decidedBy())
                .put("decisionNote", c.decisionNote())
                .put("inForce", c.inForceOn(today))
                .put("matter", CatalogJson.matter(c.matter()));
    }
}
