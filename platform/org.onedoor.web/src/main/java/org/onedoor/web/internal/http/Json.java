package org.onedoor.web.internal.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.hall.HallWindow;
import org.onedoor.api.hall.UnitRef;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.ZoneNotice;
import org.onedoor.api.zone.ZoneStatus;

/** JSON views of the hall vocabulary for the API, and reading of JSON request bodies. */
public final class Json {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private Json() {
    }

    public static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
    }

    /** @return the request body as a strictly read JSON object (see {@link Fields}); a problem (400/415) when it is not one */
    public static JsonObject body(RoutingContext ctx) {
        return Fields.object(ctx);
    }

    public static JsonObject zone(ZoneStatus status, boolean withWindows) {
        ZoneDescriptor d = status.descriptor();
        JsonObject json = new JsonObject()
                .put("id", d.id())
                .put("hallId", d.hallId())
                .put("letter", d.letter())
                .put("nameZh", d.nameZh())
                .put("nameEn", d.nameEn())
                .put("floor", d.floor())
                .put("universal", d.universal())
                .put("state", status.state().name())
                .put("since", status.since().toString())
                .put("windowCount", d.windows().size());
        if (!d.windows().isEmpty()) {
            json.put("firstWindow", d.windows().get(0).number()).put("lastWindow", d.windows().get(d.windows().size() - 1).number());
        }
        JsonArray units = new JsonArray();
        for (UnitRef u : d.units()) {
            units.add(new JsonObject().put("id", u.id()).put("nameZh", u.nameZh()).put("nameEn", u.nameEn()));
        }
        json.put("units", units);
        if (withWindows) {
            JsonArray windows = new JsonArray();
            for (HallWindow w : d.windows()) {
                windows.add(new JsonObject().put("number", w.number()).put("labelZh", w.labelZh()));
            }
            json.put("windows", windows);
        }
        return json;
    }

    public static JsonObject notice(ZoneNotice n) {
        return new JsonObject().put("zoneId", n.zoneId()).put("text", n.text())
                .put("updatedBy", n.updatedBy()).put("updatedAt", n.updatedAt().toString());
    }
}
