package org.onedoor.web.internal.device;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceView;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.UnknownDeviceException;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices API: the configured devices with their status (public), a technician's test
 * command and a device's outbox (technicians and admins).
 */
@Component(service = RouteContributor.class)
public final class DeviceRoutes implements RouteContributor {

    static final String[] TECHNICIAN_ROLES = {"admin", "technician"};

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRoutes.class);

    private final DeviceRegistry devices;
    private final WebAccess access;

    @Activate
    public DeviceRoutes(@Reference DeviceRegistry devices, @Reference WebAccess access) {
        this.devices = devices;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/devices").handler(this::list);
        router.post("/api/v1/devices/:id/test").handler(access.requireAnyRole(TECHNICIAN_ROLES)).handler(this::test);
        router.get("/api/v1/devices/:id/outbox").handler(access.requireAnyRole(TECHNICIAN_ROLES)).handler(this::outbox);
    }

    private void list(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        for (DeviceView d : devices.devices()) {
            items.add(device(d));
        }
        Json.send(ctx, 200, new JsonObject().put("count", items.size()).put("devices", items));
    }

    private void test(RoutingContext ctx) {
        String id = known(ctx.pathParam("id"));
        String user = ctx.get(WebAccess.USER);
        ctx.vertx().executeBlocking(() -> devices.submit(id, new SelfTest(user)), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(translate(r.cause()));
                return;
            }
            LOG.info("Device {} test requested by {} over HTTP from {} (outbox entry {})", id, user,
                    ctx.request().remoteAddress(), r.result().sequence());
            Json.send(ctx, 202, entry(r.result()));
        }));
    }

    private void outbox(RoutingContext ctx) {
        String id = known(ctx.pathParam("id"));
        String limitText = ctx.queryParams().get("limit");
        int limit;
        try {
            limit = limitText == null ? 50 : Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-limit", "limit must be a number from 1 to 1000, was '" + limitText + "'");
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-limit", "limit must be from 1 to 1000, was " + limit);
        }
        ctx.vertx().executeBlocking(() -> devices.outbox(id, limit), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(translate(r.cause()));
                return;
            }
            JsonArray items = new JsonArray();
            r.result().forEach(e -> items.add(entry(e)));
            DeviceView view = devices.device(id).orElse(null);
            Json.send(ctx, 200, new JsonObject().put("deviceId", id)
                    .put("pending", view == null ? 0 : view.pending()).put("entries", items));
        }));
    }

    private String known(String id) {
        if (devices.device(id).isEmpty()) {
            throw ProblemException.notFound("unknown-device", "no device '" + id + "' is configured on this node");
        }
        return id;
    }

    private static Throwable translate(Throwable cause) {
        if (cause instanceof UnknownDeviceException u) {
            return ProblemException.notFound("unknown-device", u.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return ProblemException.badRequest("invalid-command", cause.getMessage());
        }
        return cause;
    }

    static JsonObject device(DeviceView d) {
        JsonObject json = new JsonObject().put("id", d.id())
                .put("status", d.health().status().name())
                .put("detail", d.health().detail().name())
                .put("message", d.health().message())
                .put("since", d.health().since().toString())
                .put("pending", d.pending());
        DeviceConfig c = d.config();
        if (c != null) {
            json.put("kind", c.kind().configName()).put("driver", c.driver()).put("hall", c.hall()).put("zone", c.zone()).put("kiosk", c.kiosk())
                    .put("windows", new JsonArray(c.windows()));
        }
        if (!d.children().isEmpty()) {
            JsonObject children = new JsonObject();
            d.children().forEach(children::put);
            json.put("children", children);
        }
        return json;
    }

    static JsonObject entry(OutboxEntry e) {
        return new JsonObject().put("sequence", e.sequence()).put("deviceId", e.deviceId())
                .put("command", e.command().getClass().getSimpleName()).put("summary", e.command().summary())
                .put("state", e.state().name()).put("attempts", e.attempts()).put("createdAt", e.createdAt().toString())
                .put("finishedAt", e.finishedAt() == null ? null : e.finishedAt().toString()).put("note", e.note());
    }
}
