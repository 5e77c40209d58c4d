package org.onedoor.web;

import io.vertx.ext.web.Router;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds a bundle's routes to the node's HTTP server; registered as a whiteboard service.
 *
 * <p>The server builds a fresh router whenever a contributor comes or goes and calls
 * {@link #contribute(Router)} on every contributor then, so routes appear and disappear with
 * their bundle. Paths belong under {@code /api/v1/} (API) or {@code /ui/} (pages).
 * Handlers run on the event loop: they must not block (use
 * {@code ctx.vertx().executeBlocking(..., false)} for database or framework calls). A failed request
 * ({@code ctx.fail(e)} or a thrown exception) is answered with a problem document; throw
 * {@link ProblemException} to choose its status and code. The callback of blocking work runs outside
 * the router: an exception thrown there must fail the request ({@code ctx.fail(e)}), or the request
 * stays unanswered: pass every such callback through {@link Guarded#completion}.
 */
@ConsumerType
public interface RouteContributor {

    /**
     * Adds this contributor's routes; called while the router is built, must only add routes.
     *
     * @param router the router being built
     */
    void contribute(Router router);
}
