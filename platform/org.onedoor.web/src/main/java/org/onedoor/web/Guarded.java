package org.onedoor.web;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback of a route's blocking work ({@code executeBlocking(...).onComplete(...)}). Vert.x runs
 * it outside the router, so an exception it throws would reach only the event loop's log and leave
 * the request unanswered; here it fails the request instead, which the router answers once with a
 * problem document (500, logged once with its incident). When the answer had
 * already begun, the failure is logged and the connection reset. Every route contributor passes its
 * callbacks through it.
 *
 * @since 1.2
 */
public final class Guarded {

    private static final Logger LOG = LoggerFactory.getLogger(Guarded.class);

    private Guarded() {
    }

    /** @return the callback, with an exception it throws failing the request rather than escaping */
    public static <T> Handler<AsyncResult<T>> completion(RoutingContext ctx, Handler<AsyncResult<T>> callback) {
        return result -> {
            try {
                callback.handle(result);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                fail(ctx, e);
            }
        };
    }

    private static void fail(RoutingContext ctx, Throwable e) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            LOG.error("Request {} {} failed after its answer had begun", ctx.request().method(),
                    CitizenDataMasking.mask(ctx.request().path()), e);
            if (!ctx.response().ended()) {
                ctx.response().reset();
            }
            return;
        }
        ctx.fail(e);
    }
}
