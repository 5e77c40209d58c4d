package org.onedoor.web.internal;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/queue/events[?zone=…]}: the queue's events as Server-Sent Events, from every
 * node of the hall. Each event carries its hall-wide {@code seq} (also the SSE id) and its
 * {@code zoneSeq}; a client that sees a gap, or reconnects, fetches {@code /api/v1/queue/snapshot}.
 */
@Component(service = RouteContributor.class)
public final class QueueEventStream implements RouteContributor {

    static final long HEARTBEAT_MILLIS = 15_000;

    private static final Logger LOG = LoggerFactory.getLogger(QueueEventStream.class);

    private final QueueEvents events;

    @Activate
    public QueueEventStream(@Reference QueueEvents events) {
        this.events = events;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/queue/events").handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        String zone = ctx.queryParams().get("zone");
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n: connected\n\n");
        Context context = ctx.vertx().getOrCreateContext();
        AutoCloseable subscription = events.subscribe(e -> {
            if (zone != null && !zone.isEmpty() && !zone.equals(e.zoneId())) {
                return;
            }
            String frame = "id: " + e.seq() + "\nevent: " + e.type() + "\ndata: " + QueueJson.event(e).encode() + "\n\n";
            context.runOnContext(v -> {
                if (!response.closed() && !response.ended()) {
                    response.write(frame);
                }
            });
        });
        long heartbeat = ctx.vertx().setPeriodic(HEARTBEAT_MILLIS, id -> {
            if (!response.closed() && !response.ended()) {
                response.write(": ping\n\n");
            }
        });
        response.closeHandler(v -> {
            ctx.vertx().cancelTimer(heartbeat);
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing an event stream: {}", e.getMessage());
            }
        });
    }
}
