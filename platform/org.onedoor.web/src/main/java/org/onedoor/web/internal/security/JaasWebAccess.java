package org.onedoor.web.internal.security;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.session.SessionKind;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.TooManyRequests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authenticates callers by HTTP Basic (against the JAAS realm {@code karaf}, the console's
 * users), bearer token or page session cookie (with its CSRF token), then checks roles. The
 * checks run off the event loop; a credential the rate limit checked already ({@link CheckedCredential})
 * is not looked up or hashed again.
 */
@Component(service = WebAccess.class)
public final class JaasWebAccess implements WebAccess {

    /** Routing-context key of the bearer token or cookie value the caller signed in with, for logout. */
    public static final String TOKEN = "onedoor.token";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final HallSessions sessions;
    private final LoginGuard logins;

    @Activate
    public JaasWebAccess(@Reference HallSessions sessions, @Reference LoginGuard logins) {
        this.sessions = sessions;
        this.logins = logins;
    }

    @Override
    public Handler<RoutingContext> requireAnyRole(String... roles) {
        Set<String> wanted = Set.of(roles);
        return ctx -> authenticate(ctx, principal -> {
            if (!principal.holdsAny(wanted)) {
                ctx.fail(new ProblemException(403, "forbidden", "Forbidden", "user '" + principal.user()
                        + "' holds none of the roles " + String.join(", ", wanted.stream().sorted().toList())));
                return;
            }
            ctx.next();
        });
    }

    private void authenticate(RoutingContext ctx, Handler<HallPrincipal> then) {
        String header = ctx.request().getHeader("Authorization");
        Callable<Outcome> check;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            CheckedCredential checked = CheckedCredential.of(ctx, header);
            check = () -> (checked != null && checked.session() != null ? checked.session() : sessions.find(token))
                    .map(s -> Outcome.of(s.principal(), token))
                    .orElse(Outcome.refused("the bearer token is unknown, expired or revoked; sign in again"));
        } else if (header != null) {
            Credentials credentials = Credentials.fromBasic(header);
            if (credentials == null) {
                challenge(ctx, "send HTTP Basic credentials or a bearer token");
                return;
            }
            String origin = AuditLog.origin(ctx);
            CheckedCredential checked = CheckedCredential.of(ctx, header);
            check = () -> {
                LoginGuard.Result r = checked != null && checked.basic() != null ? checked.basic()
                        : logins.login(credentials.user(), credentials.password(), origin, "HTTP Basic");
                if (r.throttled()) {
                    return Outcome.throttled(r.retryAfter());
                }
                return r.principal().map(p -> Outcome.of(p, null)).orElse(Outcome.refused("user name or password is wrong"));
            };
        } else {
            Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
            if (cookie == null || cookie.getValue().isEmpty()) {
                challenge(ctx, "sign in: HTTP Basic credentials, a bearer token from POST /api/v1/auth/login, or a page session");
                return;
            }
            String token = cookie.getValue();
            boolean needsCsrf = !SAFE.contains(ctx.request().method());
            String csrf = ctx.request().getHeader(CSRF_HEADER);
            CheckedCredential checked = CheckedCredential.of(ctx, token);
            check = () -> {
                Optional<ActiveSession> session = checked != null && checked.session() != null ? checked.session()
                        : sessions.find(token).filter(s -> s.kind() == SessionKind.PAGE);
                if (session.isEmpty()) {
                    return Outcome.refused("the page session is unknown, expired or ended; sign in again");
                }
                if (needsCsrf && (csrf == null || !sessions.csrfMatches(token, csrf))) {
                    return Outcome.csrf();
                }
                return Outcome.of(session.get().principal(), token);
            };
        }
        ctx.vertx().executeBlocking(check, false).onComplete(Guarded.completion(ctx, result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            Outcome outcome = result.result();
            if (outcome.retryAfter() != null) {
                TooManyRequests.fail(ctx, "login-throttled", outcome.retryAfter(), "too many failed sign-ins for this user or address");
            } else if (outcome.csrfRefused()) {
                ctx.fail(new ProblemException(403, "csrf-token-invalid", "Forbidden",
                        "a page request that changes something must send the session's CSRF token in " + CSRF_HEADER));
            } else if (outcome.principal() == null) {
                challenge(ctx, outcome.refusal());
            } else {
                ctx.put(USER, outcome.principal().user());
                ctx.put(PRINCIPAL, outcome.principal());
                if (outcome.token() != null) {
                    ctx.put(TOKEN, outcome.token());
                }
                then.handle(outcome.principal());
            }
        }));
    }

    private static void challenge(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"OneDoor\", charset=\"UTF-8\"");
        ctx.response().headers().add("WWW-Authenticate", "Bearer realm=\"OneDoor\"");
        ctx.fail(new ProblemException(401, "unauthenticated", "Unauthenticated", detail));
    }

    /** What the credential check found: a principal, a refusal, or a missing/wrong CSRF token. */
    private record Outcome(HallPrincipal principal, String token, String refusal, boolean csrfRefused, Duration retryAfter) {

        static Outcome of(HallPrincipal principal, String token) {
            return new Outcome(principal, token, null, false, null);
        }

        static Outcome refused(String why) {
            return new Outcome(null, null, why, false, null);
        }

        static Outcome csrf() {
            return new Outcome(null, null, null, true, null);
        }

        static Outcome throttled(Duration wait) {
            return new Outcome(null, null, null, false, wait);
        }
    }

    /** User name and password from an {@code Authorization: Basic} header. */
    public record Credentials(String user, String password) {

        /** @return the credentials, or null when the header is absent or not valid Basic */
        static Credentials fromBasic(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
    }
}
