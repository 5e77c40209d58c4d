package org.onedoor.web.internal.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.OneThing;
import org.onedoor.api.matter.OneThings;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's "one thing" bundles as catalog entries (R11), public like the matters: {@code GET /api/v1/one-things}
 * lists them, {@code GET /api/v1/one-things/{code}} gives one with its matters and their materials, the shared ones
 * marked, so the workstation offers the entry whole and asks each shared material once.
 */
@Component(service = RouteContributor.class)
public final class OneThingRoutes implements RouteContributor {

    private final OneThings oneThings;
    private final MatterCatalog catalog;

    @Activate
    public OneThingRoutes(@Reference OneThings oneThings, @Reference MatterCatalog catalog) {
        this.oneThings = oneThings;
        this.catalog = catalog;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/one-things").handler(this::list);
        router.get("/api/v1/one-things/:code").handler(this::one);
    }

    private void list(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        oneThings.oneThings().forEach(t -> items.add(summary(t)));
        Json.send(ctx, 200, new JsonObject().put("count", items.size()).put("oneThings", items));
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
