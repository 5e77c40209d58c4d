package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.api.session.HallPrincipal;
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

/**
 * The window workstation's actions under {@code /api/v1/windows/{number}/…}, for clerks. A clerk
 * acts only at the window it signed in to (403 {@code not-your-window} elsewhere); admins and
 * operators act at, and may sign out, any window.
 */
@Component(service = RouteContributor.class)
public final class WindowRoutes implements RouteContributor {

    public static final String[] CLERK_ROLES = {"admin", "operator", "clerk"};
    /** Roles that act at any window, whoever is signed in there. */
    public static final Set<String> FLOOR_ROLES = Set.of("admin", "operator");
    /** Largest window number a request may name. */
    public static final int MAX_WINDOW = 9999;

    private final WindowDesk defaultDesk;
    private final HallQueue defaultQueue;
    private final WebAccess access;

    /** The halls the node serves; absent, only the default hall's routes answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    /** The staff registry's roster, for the name plates; absent, windows show none. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile WindowRoster roster;

    @Activate
    public WindowRoutes(@Reference WindowDesk desk, @Reference HallQueue queue, @Reference WebAccess access) {
        this.defaultDesk = desk;
        this.defaultQueue = queue;
        this.access = access;
    }

    /** @return the window desk of the request's hall (the default hall's on the routes of before) */
    private WindowDesk hallDesk(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        return Hall.DEFAULT_ID.equals(hall) ? defaultDesk : defaultDesk.inHall(hall);
    }

    private HallQueue queue(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        return Hall.DEFAULT_ID.equals(hall) ? defaultQueue : defaultQueue.inHall(hall);
    }

    @Override
    public void contribute(Router router) {
        for (String prefix : HallScope.PREFIXES) {
            contribute(router, prefix);
        }
    }

    private void contribute(Router router, String prefix) {
        router.get(prefix + "/windows").handler(ctx -> blocking(ctx, () -> {
            JsonArray items = new JsonArray();
            List<WindowSession> sessions = queue(ctx).windows();
            Map<String, NamePlate> plates = QueueJson.plates(roster, sessions.stream().map(WindowSession::clerk).toList());
            sessions.forEach(w -> items.add(QueueJson.window(w, plates)));
            return QueueJson.forCaller(ctx, new JsonObject().put("windows", items));
        }));
        router.get(prefix + "/windows/:no").handler(ctx -> blocking(ctx, () -> {
            int no = number(ctx);
            return QueueJson.forCaller(ctx, hallDesk(ctx).session(no).map(this::withPlate)
                    .orElse(new JsonObject().put("window", no).put("signedIn", false)));
        }));
        router.post(prefix + "/windows/:no/sign-in").handler(access.requireAnyRole(CLERK_ROLES))
                .handler(ctx -> blocking(ctx, () -> withPlate(hallDesk(ctx).signIn(number(ctx), ctx.get(WebAccess.USER)))));
        post(router, prefix, "sign-out", ctx -> {
            desk(ctx).signOut(number(ctx));
            return new JsonObject().put("window", number(ctx)).put("signedIn", false);
        });
        post(router, prefix, "call-next", ctx -> new JsonObject().put("ticket",
                desk(ctx).callNext(number(ctx)).map(QueueJson::ticket).orElse(null)));
        post(router, prefix, "recall", ctx -> QueueJson.ticket(desk(ctx).recall(number(ctx))));
        post(router, prefix, "no-show", ctx -> QueueJson.ticket(desk(ctx).noShow(number(ctx))));
        post(router, prefix, "start", ctx -> QueueJson.ticket(desk(ctx).start(number(ctx))));
        post(router, prefix, "complete", ctx -> QueueJson.ticket(desk(ctx).complete(number(ctx))));
        router.post(prefix + "/windows/:no/transfer").handler(access.requireAnyRole(CLERK_ROLES)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            String zone = body.text("zone", Fields.ZONE);
            int toWindow = body.integer("window", 0, 0, MAX_WINDOW);
            if (zone.isEmpty() && toWindow == 0) {
                throw ProblemException.badRequest("invalid-transfer", "say where to: {\"zone\": \"tax\"} and/or {\"window\": 138}");
            }
            blocking(ctx, () -> QueueJson.ticket(desk(ctx).transfer(number(ctx), zone, toWindow)));
        });
        router.post(prefix + "/windows/:no/pause").handler(access.requireAnyRole(CLERK_ROLES)).handler(ctx -> {
            boolean paused = Fields.ofOptional(ctx).bool("paused", true);
            blocking(ctx, () -> withPlate(desk(ctx).pause(number(ctx), paused)));
        });
    }

    /** @return the window's view with the name plate of its clerk; blocks on the database */
    private JsonObject withPlate(WindowSession s) {
        return QueueJson.window(s, QueueJson.plates(roster, List.of(s.clerk())));
    }

    /** An action without a body. */
    private interface Action {
        JsonObject run(RoutingContext ctx);
    }

    private void post(Router router, String prefix, String action, Action work) {
        router.post(prefix + "/windows/:no/" + action).handler(access.requireAnyRole(CLERK_ROLES))
                .handler(ctx -> blocking(ctx, () -> work.run(ctx)));
    }

    /**
     * The desk the caller acts at: admins and operators at any window; a clerk only at the window
     * it holds, which the action checks in its own transaction (403 {@code not-your-window}).
     */
    private WindowDesk desk(RoutingContext ctx) {
        HallPrincipal principal = ctx.get(WebAccess.PRINCIPAL);
        WindowDesk desk = hallDesk(ctx);
        return principal != null && principal.holdsAny(FLOOR_ROLES) ? desk : desk.as(ctx.get(WebAccess.USER));
    }

    private static int number(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("no"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("unknown-window", "windows are numbered 1 to 192, not '" + Problems.echo(ctx.pathParam("no")) + "'");
        }
    }

    private static void blocking(RoutingContext ctx, Callable<JsonObject> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                Json.send(ctx, 200, r.result());
            }
        }));
    }
}
