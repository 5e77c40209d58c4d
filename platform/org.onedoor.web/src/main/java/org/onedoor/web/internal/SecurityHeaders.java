package org.onedoor.web.internal;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.security.AuditRoutes;
import org.osgi.service.component.annotations.Component;

/**
 * Puts the security headers on every response, before any other route (event streams included): no
 * framing ({@code X-Frame-Options}, CSP {@code frame-ancestors}), scripts only from the node itself
 * (CSP {@code script-src 'self'}: the pages have no inline scripts), no content sniffing, no
 * referrer, and {@code Cache-Control: no-store} for the API.
 */
@Component(service = RouteContributor.class)
public final class SecurityHeaders implements RouteContributor {

    @Override
    public void contribute(Router router) {
        router.route().order(AuditRoutes.ORDER - 1).handler(SecurityHeaders::add);
    }

    static void add(RoutingContext ctx) {
        ctx.response().putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", "script-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (ctx.normalizedPath().startsWith("/api/")) {
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        ctx.next();
    }
}
