package org.onedoor.web.internal.cases;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.cases.CaseEvents;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.EventStreams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/cases/events[?department=…]}: the cases' events as Server-Sent Events from
 * every node, for staff (same framing as {@code /api/v1/queue/events}: {@code event: <type>} and a
 * JSON {@code data:} line). Department-bound users get only their department's events. Events are
 * hints: on reconnect, fetch the lists again.
 */
@Component(service = RouteContributor.class)
public final class CaseEventStream implements RouteContributor {

    private final CaseEvents events;
    private final WebAccess access;
    private final EventStreams streams;

    @Activate
    public CaseEventStream(@Reference CaseEvents events, @Reference WebAccess access, @Reference EventStreams streams) {
        this.events = events;
        this.access = access;
        this.streams = streams;
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
        EventStreams.Stream stream = streams.open(ctx);
        if (stream == null) {
            return;
        }
        AutoCloseable subscription = events.subscribe(e -> {
            if (dept.isEmpty() || dept.equals(e.departmentId())) {
                stream.send("event: " + e.type() + "\ndata: " + CaseJson.event(e).encode() + "\n\n");
            }
        });
        stream.onClose(subscription);
    }
}
