package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.ZoneControl;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneNotices;
import org.onedoor.api.zone.ZoneStatus;
import org.onedoor.api.zone.ZoneSwitch;
import org.onedoor.api.zone.ZoneSwitchException;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.HallScope;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zones API: list and read zones (public), enable and disable them and post their notices
 * (operators and admins).
 */
@Component(service = RouteContributor.class)
public final class ZoneRoutes implements RouteContributor {

    public static final String[] OPERATOR_ROLES = {"admin", "operator"};

    private static final Logger LOG = LoggerFactory.getLogger(ZoneRoutes.class);

    private final ZoneDirectory zones;

    /** The halls the node serves; absent, only the default hall's routes answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;
    private final ZoneControl control;
    private final ZoneNotices notices;
    private final WebAccess access;

    @Activate
    public ZoneRoutes(@Reference ZoneDirectory zones, @Reference ZoneControl control,
            @Reference ZoneNotices notices, @Reference WebAccess access) {
        this.zones = zones;
        this.control = control;
        this.notices = notices;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        for (String prefix : HallScope.PREFIXES) {
            router.get(prefix + "/zones").handler(this::list);
            router.get(prefix + "/zones/:id").handler(this::one);
        }
        router.post("/api/v1/zones/:id/enable").handler(access.requireAnyRole(OPERATOR_ROLES)).handler(ctx -> change(ctx, true));
        router.post("/api/v1/zones/:id/disable").handler(access.requireAnyRole(OPERATOR_ROLES)).handler(ctx -> change(ctx, false));
        router.get("/api/v1/zones/:id/notice").handler(this::readNotice);
        router.put("/api/v1/zones/:id/notice").handler(access.requireAnyRole(OPERATOR_ROLES)).handler(this::postNotice);
    }

    private void list(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        String state = ctx.queryParams().get("state");
        List<ZoneStatus> list;
        if (state == null || state.equals("open")) {
            list = zones.openZones(hall);
        } else if (state.equals("all")) {
            list = zones.knownZones(hall);
        } else {
            throw ProblemException.badRequest("invalid-state-filter", "state must be 'open' (default) or 'all', was '" + Problems.echo(state) + "'");
        }
        JsonArray items = new JsonArray();
        int windows = 0;
        for (ZoneStatus s : list) {
            items.add(Json.zone(s, false));
            windows += s.descriptor().windows().size();
        }
        Json.send(ctx, 200, new JsonObject().put("hallId", hall).put("count", list.size()).put("windowCount", windows).put("zones", items));
    }

    private void one(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        String id = ctx.pathParam("id");
        ZoneStatus status = zones.zone(hall, id).orElseThrow(() -> new UnknownZoneException(id));
        if (!Hall.DEFAULT_ID.equals(hall)) {
            Json.send(ctx, 200, Json.zone(status, true)); // zone notices are the default hall's only, so far
            return;
        }
        ctx.vertx().executeBlocking(() -> notices.notice(id), false).onComplete(Guarded.completion(ctx, n -> {
            if (n.failed()) {
                ctx.fail(n.cause());
                return;
            }
            JsonObject json = Json.zone(status, true);
            n.result().ifPresent(notice -> json.put("notice", Json.notice(notice)));
            Json.send(ctx, 200, json);
        }));
    }

    private void change(RoutingContext ctx, boolean enable) {
        String id = ctx.pathParam("id");
        String user = ctx.get(WebAccess.USER);
        ctx.vertx().executeBlocking(() -> enable ? control.enable(id) : control.disable(id), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                Throwable cause = r.cause();
                if (cause instanceof ZoneSwitchException) {
                    ctx.fail(new ProblemException(409, "zone-switch-failed", "Conflict", cause.getMessage()));
                } else {
                    ctx.fail(cause);
                }
                return;
            }
            ZoneSwitch result = r.result();
            LOG.info("Zone {} {} by {} over HTTP from {} (changed: {})", id, enable ? "enabled" : "disabled", user,
                    ctx.request().remoteAddress(), result.changed());
            Json.send(ctx, 200, new JsonObject().put("zoneId", result.zoneId()).put("changed", result.changed())
                    .put("state", result.state().name()));
        }));
    }

    private void readNotice(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (zones.zone(id).isEmpty()) {
            throw new UnknownZoneException(id);
        }
        ctx.vertx().executeBlocking(() -> notices.notice(id), false).onComplete(Guarded.completion(ctx, n -> {
            if (n.failed()) {
                ctx.fail(n.cause());
            } else if (n.result().isEmpty()) {
                ctx.fail(ProblemException.notFound("no-notice", "zone '" + Problems.echo(id) + "' has no notice"));
            } else {
                Json.send(ctx, 200, Json.notice(n.result().get()));
            }
        }));
    }

    private void postNotice(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Fields body = Fields.of(ctx).refusedAs("invalid-notice");
        if (!body.has("text")) {
            throw new Fields.FieldProblem("invalid-notice", "text", "give the notice as {\"text\": \"...\"}");
        }
        String text = body.text("text", 2 * ZoneNotices.MAX_LENGTH);
        String user = ctx.get(WebAccess.USER);
        ctx.vertx().executeBlocking(() -> notices.post(id, text, user), false).onComplete(Guarded.completion(ctx, n -> {
            if (n.failed()) {
                ctx.fail(n.cause());
            } else {
                Json.send(ctx, 200, Json.notice(n.result()));
            }
        }));
    }
}
