package org.onedoor.web.internal.queue;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceView;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.QueueEvents;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.EventStreams;
import org.onedoor.web.internal.device.ScreenConnections;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.HallScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/queue/events[?zone=…]}: the queue's events as Server-Sent Events, from every
 * node of the hall. Each event carries its hall-wide {@code seq} (also the SSE id; it orders, with
 * gaps) and its gap-free {@code zoneSeq}; a client that sees a gap in a zone's {@code zoneSeq}, or
 * reconnects, fetches {@code /api/v1/queue/snapshot} (which carries each zone's last {@code zoneSeqs}).
 * A caller screen configured as a device adds {@code device=<id>}: it is online while it holds the stream.
 */
@Component(service = RouteContributor.class)
public final class QueueEventStream implements RouteContributor {

    private final QueueEvents events;
    private final ScreenConnections screens;
    private final EventStreams streams;

    /** The configured devices, for the hall a screen device stands in; absent, any screen id follows the URL's hall. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DeviceRegistry devices;

    /** The halls the node serves; absent, only the default hall's stream answers. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    @Activate
    public QueueEventStream(@Reference QueueEvents events, @Reference ScreenConnections screens, @Reference EventStreams streams) {
        this.events = events;
        this.screens = screens;
        this.streams = streams;
    }

    @Override
    public void contribute(Router router) {
        for (String prefix : HallScope.PREFIXES) {
            router.get(prefix + "/queue/events").handler(this::stream);
        }
    }

    private void stream(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        String zone = ctx.queryParams().get("zone");
        String screen = ctx.queryParams().get("device");
        if (screen != null && !ScreenConnections.validId(screen)) {
            throw ProblemException.badRequest("invalid-device", "device must be a screen's device id (lower-case letters, digits, '-')");
        }
        DeviceRegistry registry = devices;
        Optional<DeviceConfig> configured = screen == null || registry == null ? Optional.empty()
                : registry.device(screen).flatMap(DeviceView::configuration);
        if (configured.isPresent() && !configured.get().hall().equals(hall)) {
            String own = configured.get().hall();
            throw new Fields.FieldProblem(409, "Conflict", "screen-of-another-hall", "hall", "屏幕 " + screen + " 属于大厅 " + own
                    + "，请打开 /ui/screen?device=" + screen + "&hall=" + own + " (screen " + screen + " stands in hall " + own
                    + ": follow that hall's stream)");
        }
        EventStreams.Stream stream = streams.open(ctx);
        if (stream == null) {
            return;
        }
        if (screen != null) {
            screens.opened(screen);
            stream.onClose(() -> screens.closed(screen));
        }
        AutoCloseable subscription = events.subscribe(e -> {
            if (hall.equals(e.hallId()) && (zone == null || zone.isEmpty() || zone.equals(e.zoneId()))) {
                stream.send("id: " + e.seq() + "\nevent: " + e.type() + "\ndata: " + QueueJson.event(e).encode() + "\n\n");
            }
        });
        stream.onClose(subscription);
    }
}
