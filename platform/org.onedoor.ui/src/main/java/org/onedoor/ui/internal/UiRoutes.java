package org.onedoor.ui.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.onedoor.ui.internal.PageAssets.Asset;
import org.onedoor.web.Guarded;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Component;

/**
 * The hall's pages under {@code /ui/}: {@code kiosk}, {@code window}, {@code screen}, {@code ticket}
 * and the staff pages {@code console}, {@code dashboard} and {@code backoffice}, their assets under {@code /ui/assets/}
 * and inlined WebJars under {@code /ui/webjars/}. The pages talk to the node's API and its event
 * stream only; the staff pages sign in with a page session.
 */
@Component(service = RouteContributor.class)
public final class UiRoutes implements RouteContributor {

    static final String[] PAGES = {"kiosk", "window", "screen", "ticket", "console", "dashboard", "backoffice"};

    private final PageAssets assets = new PageAssets(UiRoutes.class.getClassLoader());

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
            router.get("/ui/" + page).handler(ctx -> send(ctx, () -> assets.page(page), "no-cache"));
        }
        router.get("/ui/assets/:name").handler(ctx -> send(ctx, () -> assets.asset(ctx.pathParam("name")), "no-cache"));
        router.getWithRegex("/ui/webjars/(.+)").handler(ctx -> send(ctx, () -> assets.webjar(ctx.pathParam("param0")),
                "public, max-age=86400"));
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
