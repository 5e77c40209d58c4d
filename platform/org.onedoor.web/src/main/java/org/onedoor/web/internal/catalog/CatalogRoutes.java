package org.onedoor.web.internal.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.ApplicationProblem;
import org.onedoor.api.matter.CatalogLoader;
import org.onedoor.api.matter.LoadedCatalog;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.onedoor.web.internal.queue.ZoneRoutes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalog API: units ({@code /api/v1/departments}) and matters ({@code /api/v1/matters}),
 * public; catalog files loaded at run time ({@code /api/v1/catalog/files}), for operators.
 */
@Component(service = RouteContributor.class)
public final class CatalogRoutes implements RouteContributor {

    static final int MAX_LIMIT = 500;

    /** The media type of a catalog spreadsheet; any other body must be a JSON catalog file. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DepartmentDirectory departments;
    private final MatterCatalog catalog;
    private final CatalogLoader loader;
    private final WebAccess access;

    @Activate
    public CatalogRoutes(@Reference DepartmentDirectory departments, @Reference MatterCatalog catalog,
            @Reference CatalogLoader loader, @Reference WebAccess access) {
        this.departments = departments;
        this.catalog = catalog;
        this.loader = loader;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/departments").handler(this::listDepartments);
        router.get("/api/v1/departments/:id").handler(this::department);
        router.get("/api/v1/matters").handler(this::listMatters);
        router.get("/api/v1/matters/:code").handler(this::matter);
        router.post("/api/v1/matters/:code/check").handler(this::check);
        router.get("/api/v1/catalog/files").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES)).handler(this::files);
        router.put("/api/v1/catalog/files/:name").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES)).handler(this::loadFile);
        router.delete("/api/v1/catalog/files/:name").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES)).handler(this::unloadFile);
    }

    private void listDepartments(RoutingContext ctx) {
        Map<String, Integer> counts = catalog.countsByDepartment();
        JsonArray items = new JsonArray();
        int offered = 0;
        for (Department d : departments.departments()) {
            int n = counts.getOrDefault(d.id(), 0);
            items.add(CatalogJson.department(d, n));
            offered += n;
        }
        Json.send(ctx, 200, new JsonObject().put("count", items.size()).put("offeredMatters", offered).put("departments", items));
    }

    private void department(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Department d = departments.department(id)
                .orElseThrow(() -> ProblemException.notFound("unknown-department", "no unit '" + Problems.echo(id) + "' in the hall"));
        JsonArray matters = new JsonArray();
        for (Matter m : catalog.matters(new MatterQuery(id, "", ""))) {
            matters.add(CatalogJson.matterSummary(m));
        }
        Json.send(ctx, 200, CatalogJson.department(d, matters.size()).put("matters", matters));
    }

    private void listMatters(RoutingContext ctx) {
        String department = ctx.queryParams().get("department");
        String zone = ctx.queryParams().get("zone");
        if (department != null && !department.isEmpty() && departments.department(department).isEmpty()) {
            throw ProblemException.badRequest("unknown-department", "no unit '" + Problems.echo(department) + "' in the hall");
        }
        int limit = intParam(ctx, "limit", 100, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Matter> found = catalog.matters(new MatterQuery(department, zone, ctx.queryParams().get("q")));
        JsonArray items = new JsonArray();
        for (Matter m : found.subList(Math.min(offset, found.size()), Math.min(found.size(), offset + limit))) {
            items.add(CatalogJson.matterSummary(m));
        }
        Json.send(ctx, 200, new JsonObject().put("total", found.size()).put("offset", offset).put("limit", limit)
                .put("matters", items));
    }

    private void matter(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        Matter m = catalog.matter(code)
                .orElseThrow(() -> ProblemException.notFound("unknown-matter", "no matter '" + Problems.echo(code) + "' is offered now"));
        Json.send(ctx, 200, CatalogJson.matter(m));
    }

    private void check(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        if (catalog.matter(code).isEmpty()) {
            throw ProblemException.notFound("unknown-matter", "no matter '" + Problems.echo(code) + "' is offered now");
        }
        Map<String, String> fields = Fields.of(ctx).textMap("fields", Fields.SHORT, Fields.REASON);
        ctx.vertx().executeBlocking(() -> catalog.check(code, fields), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                JsonArray named = new JsonArray();
                r.result().forEach(p -> named.add(new JsonObject().put("field", p.field().isEmpty() ? "fields" : "fields." + p.field())
                        .put("detail", p.message())));
                Json.send(ctx, 200, new JsonObject().put("code", code).put("passed", r.result().isEmpty())
                        .put("problems", new JsonArray(r.result().stream().map(ApplicationProblem::message).toList()))
                        .put("fieldProblems", named));
            }
        }));
    }

    private void files(RoutingContext ctx) {
        ctx.vertx().executeBlocking(loader::loaded, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            JsonArray items = new JsonArray();
            for (LoadedCatalog c : r.result()) {
                items.add(loaded(c));
            }
            Json.send(ctx, 200, new JsonObject().put("files", items));
        }));
    }

    private void loadFile(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase(java.util.Locale.ROOT);
        byte[] bytes;
        if (type.startsWith(XLSX)) {
            // a unit's catalog spreadsheet: checked whole by the loader, like a catalog file
            bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        } else {
            Json.body(ctx);
            bytes = ctx.body().buffer().getBytes();
        }
        String user = ctx.get(WebAccess.USER);
        ctx.vertx().executeBlocking(() -> loader.load(name, bytes, user), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                Throwable cause = r.cause();
                ctx.fail(cause instanceof IllegalArgumentException
                        ? ProblemException.badRequest("invalid-catalog", cause.getMessage()) : cause);
            } else {
                Json.send(ctx, 200, loaded(r.result()));
            }
        }));
    }

    private void unloadFile(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        ctx.vertx().executeBlocking(() -> loader.unload(name), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else if (!r.result()) {
                ctx.fail(ProblemException.notFound("unknown-catalog-file", "no catalog file '" + Problems.echo(name) + "' was loaded"));
            } else {
                ctx.response().setStatusCode(204).end();
            }
        }));
    }

    private static JsonObject loaded(LoadedCatalog c) {
        return new JsonObject().put("name", c.name()).put("matters", c.matters()).put("loadedBy", c.loadedBy())
                .put("loadedAt", c.loadedAt().toString());
    }

    private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-" + name, name + " must be a whole number from " + min + " to " + max
                    + ", was '" + Problems.echo(raw) + "'");
        }
    }
}
