package org.onedoor.web.internal;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Limits what one client address may ask without credentials (public endpoints and sign-in) with
 * a token bucket ({@code publicBurst}, {@code publicPerSecond} in {@code etc/org.onedoor.web.cfg});
 * beyond it the answer is 429 with {@code Retry-After}. Signed-in requests are not limited here.
 */
@Component(service = RouteContributor.class, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class PublicRateLimit implements RouteContributor {

    private final RateLimiter limiter;

    @Activate
    public PublicRateLimit(RateLimitConfig config) {
        this.limiter = new RateLimiter(config.publicBurst(), config.publicPerSecond(), Clock.systemUTC());
    }

    @Override
    public void contribute(Router router) {
        router.route("/api/*").order(AuditRoutes.ORDER + 1).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean signIn = path.startsWith("/api/v1/auth/login") || path.startsWith("/api/v1/auth/page-login");
        boolean anonymous = ctx.request().getHeader("Authorization") == null && ctx.request().getCookie(WebAccess.SESSION_COOKIE) == null;
        if (signIn || anonymous) {
            Duration wait = limiter.take(AuditLog.origin(ctx));
            if (!wait.isZero()) {
                TooManyRequests.fail(ctx, "rate-limited", wait, "this address sent more requests without credentials than the node serves");
                return;
            }
        }
        ctx.next();
    }
}
