package org.onedoor.ui.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.ui.internal.PageAssets.Asset;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The hall's pages under {@code /ui/}: {@code kiosk}, {@code window}, {@code screen}, {@code ticket}, {@code booking}
 * and the staff pages {@code console}, {@code dashboard} and {@code backoffice}, their assets under {@code /ui/assets/}
 * and inlined WebJars under {@code /ui/webjars/}. The pages talk to the node's API and its event
 * stream only; the staff pages sign in with a page session.
 *
 * <p>A page serves the hall named by its query parameter {@code hall} ({@code /ui/kiosk?hall=xiping}), the
 * default hall where it names none; a hall the node does not serve is 404 {@code unknown-hall} naming
 * {@code hall}, so a kiosk set up with a wrong address says so instead of issuing into another hall.
 */
@Component(service = RouteContributor.class)
public final class UiRoutes implements RouteContributor {

    static final String[] PAGES = {"kiosk", "window", "screen", "ticket", "booking", "console", "dashboard", "backoffice", "pad"};

    private final PageAssets assets = new PageAssets(UiRoutes.class.getClassLoader());

    /** The halls the node serves; absent, a page naming another hall than the default one is refused. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    @Override
    public void contribute(Router router) {
        // the router matches "/ui" and "/ui/" alike: the bare path is sent to the one with the slash
        router.get("/ui").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                send(ctx, () -> assets.page("index"), "no-cache");
            } else {
                redirect(ctx, "/ui/");
            }
        });
        for (String page : PAGES) {
            router.get("/ui/" + page).handler(ctx -> {
                checkHall(ctx.queryParams().get("hall"));
                send(ctx, () -> assets.page(page), "no-cache");
            });
        }
        router.get("/ui/assets/:name").handler(ctx -> send(ctx, () -> assets.asset(ctx.pathParam("name")), "no-cache"));
        router.getWithRegex("/ui/webjars/(.+)").handler(ctx -> send(ctx, () -> assets.webjar(ctx.pathParam("param0")),
                "public, max-age=86400"));
    }

    /** Refuses a page for a hall the node does not serve: 404 {@code unknown-hall} naming {@code hall}. */
    void checkHall(String named) {
        if (named == null || named.isEmpty() || Hall.DEFAULT_ID.equals(named)) {
            return;
        }
        HallDirectory directory = halls;
        if (!Hall.validId(named) || directory == null || directory.hall(named).isEmpty()) {
            String shown = named.length() > 40 ? named.substring(0, 40) + "…" : named;
            throw new ProblemException(404, "unknown-hall", "Not found", "没有大厅 “" + shown + "” / no hall '" + shown
                    + "' is served here; GET /api/v1/halls lists them", "hall");
        }
    }

    private static void redirect(RoutingContext ctx, String to) {
        ctx.response().setStatusCode(301).putHeader("Location", to).end();
    }

    private static void send(RoutingContext ctx, Callable<Optional<Asset>> lookup, String cacheControl) {
        ctx.vertx().executeBlocking(lookup, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else if (r.result().isEmpty()) {
                ctx.fail(404);
            } else {
                Asset a = r.result().get();
                ctx.response().putHeader("Content-Type", a.contentType()).putHeader("Cache-Control", cacheControl)
                        .end(Buffer.buffer(a.bytes()));
            }
        }));
    }
}
