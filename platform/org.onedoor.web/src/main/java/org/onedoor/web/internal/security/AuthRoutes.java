package org.onedoor.web.internal.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.session.OpenedSession;
import org.onedoor.api.session.SessionKind;
import org.onedoor.api.user.HallRole;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.TooManyRequests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in and sign-out: bearer tokens for API clients ({@code POST /api/v1/auth/login}), page
 * sessions in an HttpOnly cookie with a CSRF token ({@code POST /api/v1/auth/page-login}),
 * {@code POST /api/v1/auth/logout} and {@code GET /api/v1/auth/me}.
 */
@Component(service = RouteContributor.class)
public final class AuthRoutes implements RouteContributor {

    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);
    /** Longest password a sign-in checks (hashing longer ones is work for nothing). */
    static final int MAX_PASSWORD = 1024;
    private static final String[] ANY_ROLE = Arrays.stream(HallRole.values()).map(HallRole::id).toArray(String[]::new);

    private final HallSessions sessions;
    private final WebAccess access;
    private final AuditTrail audit;
    private final LoginGuard logins;

    @Activate
    public AuthRoutes(@Reference HallSessions sessions, @Reference WebAccess access, @Reference AuditTrail audit,
            @Reference LoginGuard logins) {
        this.sessions = sessions;
        this.access = access;
        this.audit = audit;
        this.logins = logins;
    }

    /** A password check and the session it opened, if any. */
    private record Attempt(LoginGuard.Result result, Optional<OpenedSession> session) {
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/auth/login").handler(ctx -> signIn(ctx, SessionKind.API));
        router.post("/api/v1/auth/page-login").handler(ctx -> signIn(ctx, SessionKind.PAGE));
        router.post("/api/v1/auth/logout").handler(access.requireAnyRole(ANY_ROLE)).handler(this::logout);
        router.get("/api/v1/auth/me").handler(access.requireAnyRole(ANY_ROLE))
                .handler(ctx -> Json.send(ctx, 200, principal(ctx.get(WebAccess.PRINCIPAL))));
    }

    private void signIn(RoutingContext ctx, SessionKind kind) {
        Fields body = Fields.of(ctx).refusedAs("invalid-login");
        if (!body.has("username") || !body.has("password")) {
            throw ProblemException.badRequest("invalid-login", "give {\"username\": \"...\", \"password\": \"...\"}");
        }
        String u = body.required("username", Fields.USER);
        String p = body.json().getString("password");
        body.text("password", MAX_PASSWORD);
        String from = String.valueOf(ctx.request().remoteAddress());
        String origin = AuditLog.origin(ctx);
        ctx.vertx().executeBlocking(() -> {
            LoginGuard.Result result = logins.login(u, p, origin, kind + " sign-in");
            return new Attempt(result, result.principal().map(principal -> sessions.open(principal, kind)));
        }, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            if (r.result().result().throttled()) {
                TooManyRequests.fail(ctx, "login-throttled", r.result().result().retryAfter(), "too many failed sign-ins for this user or address");
                return;
            }
            Optional<OpenedSession> opened = r.result().session();
            if (opened.isEmpty()) {
                LOG.info("Failed sign-in of {} from {}", u, from);
                ctx.fail(new ProblemException(401, "login-failed", "Unauthenticated", "user name or password is wrong"));
                return;
            }
            OpenedSession s = opened.get();
            LOG.info("{} signed in from {} ({} session)", u, from, kind);
            AuditLog.record(audit, ctx, new AuditEvent("login", u, AuditLog.origin(ctx), u, AuditEvent.SUCCESS, kind + " session"));
            JsonObject answer = principal(s.principal()).put("expiresAt", s.expiresAt().toString());
            if (kind == SessionKind.PAGE) {
                ctx.response().addCookie(Cookie.cookie(WebAccess.SESSION_COOKIE, s.token()).setPath("/").setHttpOnly(true)
                        .setSecure(true).setSameSite(CookieSameSite.STRICT).setMaxAge(kind.lifetime().toSeconds()));
                answer.put("csrfToken", s.csrfToken()).put("csrfHeader", WebAccess.CSRF_HEADER);
            } else {
                answer.put("token", s.token()).put("tokenType", "Bearer");
            }
            Json.send(ctx, 200, answer);
        }));
    }

    private void logout(RoutingContext ctx) {
        String token = ctx.get(JaasWebAccess.TOKEN);
        if (token == null) {
            throw ProblemException.badRequest("no-session", "sign out ends a bearer token or page session; HTTP Basic has none");
        }
        ctx.vertx().executeBlocking(() -> {
            sessions.revoke(token);
            return null;
        }, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            AuditLog.record(audit, ctx, "logout", ctx.get(WebAccess.USER), AuditEvent.SUCCESS, "session ended");
            ctx.response().addCookie(Cookie.cookie(WebAccess.SESSION_COOKIE, "").setPath("/").setHttpOnly(true).setSecure(true)
                    .setSameSite(CookieSameSite.STRICT).setMaxAge(0));
            ctx.response().setStatusCode(204).end();
        }));
    }

    static JsonObject principal(HallPrincipal p) {
        JsonArray roles = new JsonArray();
        p.roles().stream().sorted().forEach(roles::add);
        return new JsonObject().put("username", p.user()).put("roles", roles).put("department", p.department().orElse(null));
    }
}
