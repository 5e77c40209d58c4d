package org.onedoor.web.internal.http;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.web.WebAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes audit records for HTTP requests off the event loop; a failed write is logged, never thrown at the caller. */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private AuditLog() {
    }

    /** Records an action of the request's caller (or {@code anonymous}) from the request's client address. */
    public static void record(AuditTrail trail, RoutingContext ctx, String action, String target, String outcome, String detail) {
        String actor = ctx.get(WebAccess.USER);
        record(trail, ctx, new AuditEvent(action, actor == null ? "anonymous" : actor, origin(ctx), target, outcome, detail));
    }

    public static void record(AuditTrail trail, RoutingContext ctx, AuditEvent event) {
        ctx.vertx().executeBlocking(() -> trail.record(event), false).onFailure(e ->
                LOG.error("Audit record of {} by {} could not be written: {}", event.action(), event.actor(), e.getMessage()));
    }

    /** @return the client's address without the port */
    public static String origin(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
