package org.onedoor.web.internal.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.matter.InvalidOneThingsException;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.OneThing;
import org.onedoor.api.matter.OneThingList;
import org.onedoor.api.matter.OneThings;
import org.onedoor.api.matter.OneThingsAdmin;
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
 * The hall's "one thing" bundles as catalog entries (R11), public like the matters: {@code GET /api/v1/one-things}
 * lists them, {@code GET /api/v1/one-things/{code}} gives one with its matters and their materials, the shared ones
 * marked, so the workstation offers the entry whole and asks each shared material once. Operators and admins replace
 * the shipped list with the hall's own ({@code PUT /api/v1/one-things}, the list file as {@code application/json},
 * checked whole: 400 {@code invalid-one-things} naming every problem and changing nothing) and go back to the shipped
 * one ({@code DELETE /api/v1/one-things}).
 */
@Component(service = RouteContributor.class)
public final class OneThingRoutes implements RouteContributor {

    private final OneThings oneThings;
    private final OneThingsAdmin admin;
    private final MatterCatalog catalog;
    private final WebAccess access;

    @Activate
    public OneThingRoutes(@Reference OneThings oneThings, @Reference OneThingsAdmin admin, @Reference MatterCatalog catalog,
            @Reference WebAccess access) {
        this.oneThings = oneThings;
        this.admin = admin;
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/one-things").handler(this::list);
        router.put("/api/v1/one-things").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES)).handler(this::load);
        router.delete("/api/v1/one-things").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES)).handler(this::reset);
        router.get("/api/v1/one-things/:code").handler(this::one);
    }

    private void list(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        oneThings.oneThings().forEach(t -> items.add(summary(t)));
        Json.send(ctx, 200, new JsonObject().put("count", items.size()).put("list", list(admin.current())).put("oneThings", items));
    }

    private void load(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "send the one-thing list file (format onedoor-one-things/1) as application/json");
        }
        Fields.object(ctx); // one strictly valid JSON object (no repeated keys, no lone surrogates)
        String content = ctx.body().buffer().toString(StandardCharsets.UTF_8);
        String user = ctx.get(WebAccess.USER);
        String source = Optional.ofNullable(ctx.request().getHeader("X-File-Name")).filter(n -> n.matches("[\\w.\\-]{1,100}"))
                .orElse("the file sent to " + ctx.request().path());
        ctx.vertx().executeBlocking(() -> admin.load(content, source, user), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause() instanceof InvalidOneThingsException e ? new Fields.FieldProblem("invalid-one-things", e.field(),
                        "“一件事”清单未载入，问题如下 (the list was not loaded): " + e.getMessage()) : r.cause());
                return;
            }
            Json.send(ctx, 200, list(r.result()));
        }));
    }

    private void reset(RoutingContext ctx) {
        String user = ctx.get(WebAccess.USER);
        ctx.vertx().executeBlocking(() -> admin.reset(user), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            Json.send(ctx, 200, list(r.result()));
        }));
    }

    static JsonObject list(OneThingList l) {
        return new JsonObject().put("loaded", l.loaded()).put("source", l.source()).put("loadedBy", l.loadedBy())
                .put("loadedAt", l.loadedAt().map(Object::toString).orElse(null)).put("count", l.count());
    }

    private void one(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        OneThing t = oneThings.oneThing(code).orElseThrow(() -> ProblemException.notFound("unknown-one-thing",
                "目录中没有“一件事” " + Problems.echo(code) + " (no such one-thing bundle)"));
        JsonArray matters = new JsonArray();
        for (String m : t.matterCodes()) {
            Optional<Matter> matter = catalog.matter(m);
            matters.add(matter.map(CatalogJson::matter).orElseGet(() -> new JsonObject().put("code", m).put("offered", false)));
        }
        Json.send(ctx, 200, summary(t).put("matters", matters));
    }

    static JsonObject summary(OneThing t) {
        return new JsonObject().put("code", t.code()).put("nameZh", t.nameZh()).put("nameEn", t.nameEn())
                .put("matterCodes", new JsonArray(t.matterCodes())).put("departmentIds", new JsonArray(t.departmentIds()))
                .put("sharedMaterials", new JsonArray(t.sharedMaterials())).put("available", t.available())
                .put("slotParts", t.slotParts()).put("placeholder", t.placeholder()).put("note", t.note());
    }
}
