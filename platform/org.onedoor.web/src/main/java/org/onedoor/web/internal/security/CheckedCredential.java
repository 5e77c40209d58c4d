package org.onedoor.web.internal.security;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.WebAccess;

/**
 * What the rate limit found out about a request's credential, kept in the routing context so that
 * the route's guard does not look it up or check the password again.
 *
 * @param credential the {@code Authorization} header, or the page session cookie's value
 * @param session    for a bearer token or page session: the session found (empty when unknown, expired or ended); else null
 * @param basic      for HTTP Basic checked by the rate limit: the password check's result; else null
 */
public record CheckedCredential(String credential, Optional<ActiveSession> session, LoginGuard.Result basic) {

    public static final String KEY = "onedoor.checked-credential";

    /** @return what the rate limit found for exactly this credential, or null when it did not check it */
    public static CheckedCredential of(RoutingContext ctx, String credential) {
        CheckedCredential c = ctx.get(KEY);
        return c != null && c.credential().equals(credential) ? c : null;
    }

    /** @return who the credential proved, if it authenticated */
    public Optional<HallPrincipal> principal() {
        if (session != null) {
            return session.map(ActiveSession::principal);
        }
        return basic == null ? Optional.empty() : basic.principal();
    }

    /**
     * @return the caller of a public route: the principal a guard put there, or the one the rate limit found
     *         (bearer token, page session, or HTTP Basic it checked); empty for an anonymous caller
     */
    public static Optional<HallPrincipal> caller(RoutingContext ctx) {
        HallPrincipal guarded = ctx.get(WebAccess.PRINCIPAL);
        if (guarded != null) {
            return Optional.of(guarded);
        }
        CheckedCredential c = ctx.get(KEY);
        return c == null ? Optional.empty() : c.principal();
    }
}
