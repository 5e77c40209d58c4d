package org.onedoor.web.internal.security;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.session.SessionKind;
import org.onedoor.api.user.HallRole;
import org.onedoor.web.Guarded;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.RateLimiter;
import org.onedoor.web.internal.http.TooManyRequests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Limits how fast callers may send API requests, each with a token bucket (429 with
 * {@code Retry-After} beyond it), settings in {@code etc/org.onedoor.web.cfg}:
 * <ul>
 * <li>a bearer token or page session that is valid counts against its user ({@code userBurst},
 * {@code userPerSecond}), a kiosk's device token against that kiosk ({@code kioskBurst},
 * {@code kioskPerSecond}), whatever else their address sends;</li>
 * <li>everything else counts against the client address ({@code publicBurst}, {@code publicPerSecond}):
 * no credential, one that does not authenticate (an unknown, expired or ended token, junk), and
 * every sign-in request;</li>
 * <li>HTTP Basic with a user name and password that signed in successfully in the last five minutes
 * ({@link ProvenPasswords}, a salted digest) counts against its user; other HTTP Basic counts against the
 * address while the address has requests left, so its password is checked only by routes that need it;
 * beyond that the password is checked here (once: the route's guard takes the result) and a right one
 * counts against its user.</li>
 * </ul>
 * What was found is kept as a {@link CheckedCredential} for the route's guard and public views.
 * Runs before the audit of writes, so refused floods leave no audit records.
 */
@Component(service = RouteContributor.class, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class PublicRateLimit implements RouteContributor {

    private static final String REFUSED = "this address sent more requests without valid credentials than the node serves";
    private static final String THROTTLED = "too many failed sign-ins for this user or address";

    private final HallSessions sessions;
    private final LoginGuard logins;
    private final RateLimiter byAddress;
    private final RateLimiter byUser;
    private final RateLimiter byKiosk;

    @Activate
    public PublicRateLimit(RateLimitConfig config, @Reference HallSessions sessions, @Reference LoginGuard logins) {
        this(config, sessions, logins, Clock.systemUTC());
    }

    PublicRateLimit(RateLimitConfig config, HallSessions sessions, LoginGuard logins, Clock clock) {
        this.sessions = sessions;
        this.logins = logins;
        this.byAddress = new RateLimiter(config.publicBurst(), config.publicPerSecond(), clock);
        this.byUser = new RateLimiter(config.userBurst(), config.userPerSecond(), clock);
        this.byKiosk = new RateLimiter(config.kioskBurst(), config.kioskPerSecond(), clock);
    }

    @Override
    public void contribute(Router router) {
        router.route("/api/*").order(AuditRoutes.ORDER - 1).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/v1/auth/login") || path.startsWith("/api/v1/auth/page-login")) {
            anonymous(ctx);
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        Cookie cookie = ctx.request().getCookie(WebAccess.SESSION_COOKIE);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            lookUp(ctx, header, () -> sessions.find(token));
        } else if (header != null) {
            JaasWebAccess.Credentials basic = JaasWebAccess.Credentials.fromBasic(header);
            if (basic == null) {
                anonymous(ctx);
            } else {
                basic(ctx, header, basic);
            }
        } else if (cookie != null && !cookie.getValue().isEmpty()) {
            String token = cookie.getValue();
            lookUp(ctx, token, () -> sessions.find(token).filter(s -> s.kind() == SessionKind.PAGE));
        } else {
            anonymous(ctx);
        }
    }

    /** Finds the session of a bearer token or page cookie (one indexed read) and counts the request against its owner. */
    private void lookUp(RoutingContext ctx, String credential, Callable<Optional<ActiveSession>> find) {
        ctx.request().pause();
        ctx.vertx().executeBlocking(find, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                refuse(ctx, r.cause());
                return;
            }
            CheckedCredential checked = new CheckedCredential(credential, r.result(), null);
            ctx.put(CheckedCredential.KEY, checked);
            Optional<HallPrincipal> principal = checked.principal();
            if (principal.isPresent()) {
                signedIn(ctx, principal.get(), r.result().get().kind() == SessionKind.DEVICE);
            } else {
                anonymous(ctx);
            }
        }));
    }

    private void basic(RoutingContext ctx, String header, JaasWebAccess.Credentials basic) {
        String origin = AuditLog.origin(ctx);
        if (logins.recentlyProven(basic.user(), basic.password())) {
            // a pair that signed in a moment ago counts against its user; the route's guard still checks it
            Duration userWait = byUser.take(basic.user());
            if (!userWait.isZero()) {
                tooMany(ctx, "rate-limited", userWait, "user '" + basic.user() + "' sent more requests than the node serves");
                return;
            }
            ctx.next();
            return;
        }
        Duration wait = byAddress.take(origin);
        if (wait.isZero()) {
            ctx.next();
            return;
        }
        ctx.request().pause();
        // the back-off is read from the hall database, so off the event loop; a throttled pair is refused without a check
        ctx.vertx().executeBlocking(() -> {
            Duration backOff = logins.backOff(basic.user(), origin);
            return backOff.isZero() ? logins.login(basic.user(), basic.password(), origin, "HTTP Basic")
                    : new LoginGuard.Result(Optional.empty(), backOff);
        }, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                refuse(ctx, r.cause());
                return;
            }
            LoginGuard.Result result = r.result();
            ctx.put(CheckedCredential.KEY, new CheckedCredential(header, null, result));
            if (result.throttled()) {
                tooMany(ctx, "login-throttled", result.retryAfter(), THROTTLED);
            } else if (result.principal().isPresent()) {
                signedIn(ctx, result.principal().get(), false);
            } else {
                tooMany(ctx, "rate-limited", wait, REFUSED);
            }
        }));
    }

    private void signedIn(RoutingContext ctx, HallPrincipal principal, boolean device) {
        boolean kiosk = device || principal.roles().equals(Set.of(HallRole.KIOSK.id()));
        Duration wait = (kiosk ? byKiosk : byUser).take(principal.user());
        if (!wait.isZero()) {
            tooMany(ctx, "rate-limited", wait, kiosk ? "this kiosk sent more requests than the node serves"
                    : "user '" + principal.user() + "' sent more requests than the node serves");
            return;
        }
        ctx.next();
    }

    private void anonymous(RoutingContext ctx) {
        Duration wait = byAddress.take(AuditLog.origin(ctx));
        if (!wait.isZero()) {
            tooMany(ctx, "rate-limited", wait, REFUSED);
            return;
        }
        ctx.next();
    }

    /** Refuses with 429; a request paused for a look-up is let go so its body is read and dropped. */
    private static void tooMany(RoutingContext ctx, String code, Duration wait, String detail) {
        ctx.request().resume();
        TooManyRequests.fail(ctx, code, wait, detail);
    }

    private static void refuse(RoutingContext ctx, Throwable cause) {
        ctx.request().resume();
        ctx.fail(cause);
    }
}
