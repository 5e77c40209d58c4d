package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneStatus;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.HallScope;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The halls the node serves (public): {@code GET /api/v1/halls} and {@code GET /api/v1/halls/{hall}}. */
@Component(service = RouteContributor.class)
public final class HallRoutes implements RouteContributor {

    private final HallDirectory halls;
    private final ZoneDirectory zones;

    @Activate
    public HallRoutes(@Reference HallDirectory halls, @Reference ZoneDirectory zones) {
        this.halls = halls;
        this.zones = zones;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/halls").handler(this::list);
        router.get("/api/v1/halls/:hall").handler(this::one);
    }

    private void list(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        List<Hall> all = halls.halls();
        all.forEach(h -> items.add(json(h)));
        Json.send(ctx, 200, new JsonObject().put("count", all.size()).put("defaultHall", halls.defaultHall().id()).put("halls", items));
    }

    private void one(RoutingContext ctx) {
        String id = HallScope.of(ctx, halls);
        Json.send(ctx, 200, json(halls.hall(id).orElseThrow(() -> HallScope.unknown(id))));
    }

    private JsonObject json(Hall h) {
        List<ZoneStatus> open = zones.openZones(h.id());
        int windows = open.stream().mapToInt(z -> z.descriptor().windows().size()).sum();
        return new JsonObject().put("id", h.id()).put("nameZh", h.nameZh()).put("nameEn", h.nameEn()).put("address", h.address())
                .put("default", h.isDefault()).put("zoneCount", open.size()).put("windowCount", windows)
                .put("zones", HallScope.path(h.id(), "zones"));
    }
}
