package org.onedoor.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Guards routes: authenticates the caller against the node's user realm and checks roles.
 *
 * <p>A guard answers 401 (with a challenge) when the request carries no valid credentials and
 * 403 when the user lacks every given role, both as problem documents; otherwise it stores the
 * user name under {@link #USER} in the routing context and passes the request on.
 */
@ProviderType
public interface WebAccess {

    /** Routing-context key of the authenticated user's name. */
    String USER = "onedoor.user";

    /**
     * @param roles the roles of which the user must hold at least one
     * @return a handler to put before the guarded route's own handler
     */
    Handler<RoutingContext> requireAnyRole(String... roles);
}
