package org.onedoor.web.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The window workstation's actions under {@code /api/v1/windows/{number}/…}, for clerks. */
@Component(service = RouteContributor.class)
public final class WindowRoutes implements RouteContributor {

    static final String[] CLERK_ROLES = {"admin", "operator", "clerk"};

    private final WindowDesk desk;
    private final HallQueue queue;
    private final WebAccess access;

    @Activate
    public WindowRoutes(@Reference WindowDesk desk, @Reference HallQueue queue, @Reference WebAccess access) {
        this.desk = desk;
        this.queue = queue;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/windows").handler(ctx -> blocking(ctx, () -> {
            JsonArray items = new JsonArray();
            queue.windows().forEach(w -> items.add(QueueJson.window(w)));
            return new JsonObject().put("windows", items);
        }));
        router.get("/api/v1/windows/:no").handler(ctx -> blocking(ctx, () -> {
            int no = number(ctx);
            return desk.session(no).map(QueueJson::window)
                    .orElse(new JsonObject().put("window", no).put("signedIn", false));
        }));
        post(router, "sign-in", ctx -> QueueJson.window(desk.signIn(number(ctx), ctx.get(WebAccess.USER))));
        post(router, "sign-out", ctx -> {
            desk.signOut(number(ctx));
            return new JsonObject().put("window", number(ctx)).put("signedIn", false);
        });
        post(router, "call-next", ctx -> new JsonObject().put("ticket",
                desk.callNext(number(ctx)).map(QueueJson::ticket).orElse(null)));
        post(router, "recall", ctx -> QueueJson.ticket(desk.recall(number(ctx))));
        post(router, "no-show", ctx -> QueueJson.ticket(desk.noShow(number(ctx))));
        post(router, "start", ctx -> QueueJson.ticket(desk.start(number(ctx))));
        post(router, "complete", ctx -> QueueJson.ticket(desk.complete(number(ctx))));
        router.post("/api/v1/windows/:no/transfer").handler(access.requireAnyRole(CLERK_ROLES)).handler(ctx -> {
            JsonObject body = Json.body(ctx);
            String zone = body.getValue("zone") instanceof String z ? z : "";
            int toWindow = body.getValue("window") instanceof Number n ? n.intValue() : 0;
            if (zone.isEmpty() && toWindow == 0) {
                throw ProblemException.badRequest("invalid-transfer", "say where to: {\"zone\": \"tax\"} and/or {\"window\": 138}");
            }
            blocking(ctx, () -> QueueJson.ticket(desk.transfer(number(ctx), zone, toWindow)));
        });
        router.post("/api/v1/windows/:no/pause").handler(access.requireAnyRole(CLERK_ROLES)).handler(ctx -> {
            boolean paused = ctx.body().length() == 0 || Json.body(ctx).getBoolean("paused", true);
            blocking(ctx, () -> QueueJson.window(desk.pause(number(ctx), paused)));
        });
    }

    /** An action without a body. */
    private interface Action {
        JsonObject run(RoutingContext ctx);
    }

    private void post(Router router, String action, Action work) {
        router.post("/api/v1/windows/:no/" + action).handler(access.requireAnyRole(CLERK_ROLES))
                .handler(ctx -> blocking(ctx, () -> work.run(ctx)));
    }

    private static int number(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("no"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("unknown-window", "windows are numbered 1 to 192, not '" + ctx.pathParam("no") + "'");
        }
    }

    private static void blocking(RoutingContext ctx, Callable<JsonObject> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                Json.send(ctx, 200, r.result());
            }
        });
    }
}
