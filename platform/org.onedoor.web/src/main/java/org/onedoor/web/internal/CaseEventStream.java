package org.onedoor.web.internal;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.cases.CaseEvents;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/cases/events[?department=…]}: the cases' events as Server-Sent Events from
 * every node, for staff (same framing as {@code /api/v1/queue/events}: {@code event: <type>} and a
 * JSON {@code data:} line). Department-bound users get only their department's events. Events are
 * hints: on reconnect, fetch the lists again.
 */
@Component(service = RouteContributor.class)
public final class CaseEventStream implements RouteContributor {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEventStream.class);

    private final CaseEvents events;
    private final WebAccess access;

    @Activate
    public CaseEventStream(@Reference CaseEvents events, @Reference WebAccess access) {
        this.events = events;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/cases/events").order(-1).handler(access.requireAnyRole(CaseRequests.STAFF)).handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        HallPrincipal p = ctx.get(WebAccess.PRINCIPAL);
        String asked = ctx.queryParams().get("department");
        boolean bound = !p.holdsAny(java.util.Set.of("admin", "operator", "clerk", "supervisor"));
        String dept = bound ? p.department().orElse("-") : asked == null ? "" : asked.toUpperCase(java.util.Locale.ROOT);
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n: connected\n\n");
        Context context = ctx.vertx().getOrCreateContext();
        AutoCloseable subscription = events.subscribe(e -> {
            if (!dept.isEmpty() && !dept.equals(e.departmentId())) {
                return;
            }
            String frame = "event: " + e.type() + "\ndata: " + CaseJson.event(e).encode() + "\n\n";
            context.runOnContext(v -> {
                if (!response.closed() && !response.ended()) {
                    response.write(frame);
                }
            });
        });
        long heartbeat = ctx.vertx().setPeriodic(QueueEventStream.HEARTBEAT_MILLIS, id -> {
            if (!response.closed() && !response.ended()) {
                response.write(": ping\n\n");
            }
        });
        response.closeHandler(v -> {
            ctx.vertx().cancelTimer(heartbeat);
            try {
                subscription.close();
            } catch (Exception ex) {
                LOG.debug("closing a case event stream: {}", ex.getMessage());
            }
        });
    }
}
