package org.onedoor.web.internal;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.web.ProblemException;
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
 * A caller screen configured as a device adds {@code device=<id>}: it is online while it holds the stream.
 */
@Component(service = RouteContributor.class)
public final class QueueEventStream implements RouteContributor {

    static final long HEARTBEAT_MILLIS = 15_000;

    private static final Logger LOG = LoggerFactory.getLogger(QueueEventStream.class);

    private final QueueEvents events;
    private final ScreenConnections screens;

    @Activate
    public QueueEventStream(@Reference QueueEvents events, @Reference ScreenConnections screens) {
        this.events = events;
        this.screens = screens;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/queue/events").handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        String zone = ctx.queryParams().get("zone");
        String screen = ctx.queryParams().get("device");
        if (screen != null && !ScreenConnections.validId(screen)) {
            throw ProblemException.badRequest("invalid-device", "device must be a screen's device id (lower-case letters, digits, '-')");
        }
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
        if (screen != null) {
            screens.opened(screen);
        }
        response.closeHandler(v -> {
            ctx.vertx().cancelTimer(heartbeat);
            if (screen != null) {
                screens.closed(screen);
            }
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing an event stream: {}", e.getMessage());
            }
        });
    }
}
