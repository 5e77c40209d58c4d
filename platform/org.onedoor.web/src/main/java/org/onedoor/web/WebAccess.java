package org.onedoor.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Guards routes: authenticates the caller and checks roles.
 *
 * <p>A caller proves who it is with HTTP Basic credentials of a hall user (checked against the
 * node's user realm), a bearer token ({@code Authorization: Bearer}, from
 * {@code POST /api/v1/auth/login} or a kiosk device token), or a page session cookie
 * ({@value #SESSION_COOKIE}); a cookie-carried request other than GET, HEAD or OPTIONS must also
 * send the session's CSRF token in the header {@value #CSRF_HEADER}.
 *
 * <p>A guard answers 401 (with a challenge) when the request carries no valid credentials and
 * 403 when the user lacks every given role or the CSRF token is missing or wrong, both as
 * problem documents; otherwise it stores the user name under {@link #USER} and the
 * {@link org.onedoor.api.session.HallPrincipal} under {@link #PRINCIPAL} in the routing context
 * and passes the request on.
 */
@ProviderType
public interface WebAccess {

    /** Routing-context key of the authenticated user's name. */
    String USER = "onedoor.user";

    /** Routing-context key of the authenticated {@link org.onedoor.api.session.HallPrincipal} (user, roles, department). */
    String PRINCIPAL = "onedoor.principal";

    /** Name of the page session cookie. */
    String SESSION_COOKIE = "onedoor_session";

    /** Request header that carries a page session's CSRF token. */
    String CSRF_HEADER = "X-CSRF-Token";

    /**
     * @param roles the roles of which the user must hold at least one
     * @return a handler to put before the guarded route's own handler
     */
    Handler<RoutingContext> requireAnyRole(String... roles);
}
