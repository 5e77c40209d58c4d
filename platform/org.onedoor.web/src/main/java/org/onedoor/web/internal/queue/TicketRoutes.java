package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onedoor.api.device.TicketReceipt;
import org.onedoor.api.device.TicketReceipts;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.HallScope;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tickets and the queue's snapshot: kiosks issue tickets ({@code POST /api/v1/tickets}, with an
 * {@code Idempotency-Key} for safe retries), citizens follow theirs, screens resync from the snapshot.
 */
@Component(service = RouteContributor.class)
public final class TicketRoutes implements RouteContributor {

    private final HallQueue defaultQueue;

    /** The halls the node serves; absent, only the default hall's routes answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    /** The staff registry's roster, for the name plates; absent, windows show none. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile WindowRoster roster;

    /** The node's printer receipts; absent (no device manager), every ticket has no printer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TicketReceipts receipts;

    @Activate
    public TicketRoutes(@Reference HallQueue queue) {
        this.defaultQueue = queue;
    }

    @Override
    public void contribute(Router router) {
        for (String prefix : HallScope.PREFIXES) {
            router.post(prefix + "/tickets").handler(this::issue);
            router.get(prefix + "/tickets").handler(this::byNumber);
            router.get(prefix + "/tickets/:id").handler(this::one);
            router.get(prefix + "/tickets/:id/receipt").handler(this::receipt);
            router.get(prefix + "/queue/snapshot").handler(this::snapshot);
        }
    }

    /** @return the queue of the request's hall (the default hall's on the routes of before) */
    private HallQueue queueOf(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        return Hall.DEFAULT_ID.equals(hall) ? defaultQueue : defaultQueue.inHall(hall);
    }

    private void issue(RoutingContext ctx) {
        HallQueue queue = queueOf(ctx);
        String hall = HallScope.of(ctx, halls);
        Fields body = Fields.of(ctx);
        String zone = body.text("zone", Fields.ZONE);
        if (zone.isEmpty()) {
            throw ProblemException.badRequest("missing-zone", "say which zone to queue in: {\"zone\": \"police\"}");
        }
        TicketPriority priority;
        try {
            String p = body.text("priority", 16);
            priority = TicketPriority.valueOf(p.isEmpty() ? "NORMAL" : p.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-priority", "priority must be NORMAL or GREEN");
        }
        if (priority == TicketPriority.APPOINTMENT || !body.text("appointmentId", Fields.SHORT).isEmpty()) {
            throw ProblemException.badRequest("appointment-check-in-required", "appointment tickets are issued by checking the "
                    + "appointment in: POST /api/v1/appointments/{code}/check-in");
        }
        String kiosk = body.text("kiosk", Fields.SHORT);
        if (!kiosk.isEmpty() && !TicketRequest.validKiosk(kiosk)) {
            throw new Fields.FieldProblem("invalid-kiosk", "kiosk", "“kiosk” 应为 1-63 个小写字母、数字或 '-' (must be the kiosk's id: "
                    + "1-63 lower-case letters, digits or '-', as in /ui/kiosk?kiosk=kiosk-1)");
        }
        String key = ctx.request().getHeader("Idempotency-Key");
        TicketRequest request = new TicketRequest(zone, body.text("category", Fields.SHORT), body.text("matter", Fields.MATTER), priority,
                body.text("greenReason", 32), "", key, kiosk);
        ctx.vertx().executeBlocking(() -> queue.issue(request), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            IssuedTicket issued = r.result();
            ctx.response().putHeader("Location", HallScope.path(hall, "tickets/" + issued.ticket().id()));
            Json.send(ctx, issued.replayed() ? 200 : 201, QueueJson.forCaller(ctx, QueueJson.ticket(issued.ticket(), issued.waiting())));
        }));
    }

    private void one(RoutingContext ctx) {
        HallQueue queue = queueOf(ctx);
        String id = ctx.pathParam("id");
        ctx.vertx().executeBlocking(() -> queue.ticket(id).map(t -> withPlate(queue, t, QueueJson.ticket(t, queue.waiting(id).orElse(null)))), false)
                .onComplete(Guarded.completion(ctx, r -> {
                    if (r.failed()) {
                        ctx.fail(r.cause());
                    } else if (r.result().isEmpty()) {
                        ctx.fail(ProblemException.notFound("unknown-ticket", "no ticket '" + Problems.echo(id) + "'"));
                    } else {
                        Json.send(ctx, 200, QueueJson.forCaller(ctx, r.result().get()));
                    }
                }));
    }

    /** Whether the ticket's receipt printed (public: the ticket id is the kiosk's secret, as for the status page). */
    private void receipt(RoutingContext ctx) {
        HallQueue queue = queueOf(ctx);
        String hall = HallScope.of(ctx, halls);
        String id = ctx.pathParam("id");
        TicketReceipts r = receipts;
        ctx.vertx().executeBlocking(() -> r != null ? r.receipt(hall, id) : queue.ticket(id).map(t -> new TicketReceipt(
                Optional.empty(), TicketReceipt.State.NO_PRINTER, "本节点不驱动设备 / this node drives no devices")), false)
                .onComplete(Guarded.completion(ctx, a -> {
                    if (a.failed()) {
                        ctx.fail(a.cause());
                    } else if (a.result().isEmpty()) {
                        ctx.fail(ProblemException.notFound("unknown-ticket", "no ticket '" + Problems.echo(id) + "'"));
                    } else {
                        TicketReceipt t = a.result().get();
                        Json.send(ctx, 200, new JsonObject().put("printer", t.printer().orElse(null)).put("state", t.state().name())
                                .put("detail", t.detail()));
                    }
                }));
    }

    private void byNumber(RoutingContext ctx) {
        HallQueue queue = queueOf(ctx);
        String number = ctx.queryParams().get("number");
        if (number == null || !number.matches("[A-Za-z]\\d{3,5}")) {
            throw ProblemException.badRequest("invalid-number", "give today's ticket number, e.g. ?number=G012");
        }
        ctx.vertx().executeBlocking(() -> queue.ticketByNumber(number)
                .map(t -> withPlate(queue, t, QueueJson.ticket(t, queue.waiting(t.id()).orElse(null)))), false).onComplete(Guarded.completion(ctx, r -> {
                    if (r.failed()) {
                        ctx.fail(r.cause());
                    } else if (r.result().isEmpty()) {
                        ctx.fail(ProblemException.notFound("unknown-ticket", "no ticket " + number.toUpperCase(Locale.ROOT) + " today"));
                    } else {
                        Json.send(ctx, 200, QueueJson.forCaller(ctx, r.result().get()));
                    }
                }));
    }

    /** A ticket called to or served at a window shows that window's name plate; blocks on the database. */
    private JsonObject withPlate(HallQueue queue, Ticket t, JsonObject json) {
        if ((t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING) && t.windowNumber() > 0) {
            queue.windows().stream().filter(w -> w.windowNumber() == t.windowNumber()).findFirst()
                    .ifPresent(w -> json.put("plate", QueueJson.plate(QueueJson.plates(roster, List.of(w.clerk())).get(w.clerk()))));
        }
        return json;
    }

    private void snapshot(RoutingContext ctx) {
        HallQueue queue = queueOf(ctx);
        String hall = HallScope.of(ctx, halls);
        String zone = ctx.queryParams().get("zone");
        ctx.vertx().executeBlocking(() -> {
            long seq = queue.lastSeq();
            Map<String, Long> zoneSeqs = queue.lastZoneSeqs();
            List<Ticket> waiting = queue.waitingTickets(zone == null ? "" : zone);
            List<WindowSession> windows = queue.windows();
            JsonArray tickets = new JsonArray();
            waiting.forEach(t -> tickets.add(new JsonObject().put("number", t.number()).put("zoneId", t.zoneId())
                    .put("priority", t.priority().name()).put("forWindow", t.forWindow())));
            JsonArray sessions = new JsonArray();
            Map<String, NamePlate> plates = QueueJson.plates(roster, windows.stream().map(WindowSession::clerk).toList());
            windows.stream().filter(w -> zone == null || zone.isEmpty() || w.zoneId().equals(zone) || w.zoneId().equals("universal"))
                    .forEach(w -> sessions.add(QueueJson.window(w, plates)));
            JsonObject lastZoneSeqs = new JsonObject();
            zoneSeqs.forEach(lastZoneSeqs::put);
            return new JsonObject().put("hallId", hall).put("seq", seq).put("zoneSeqs", lastZoneSeqs).put("zoneId", zone == null ? "" : zone)
                    .put("waitingCount", tickets.size()).put("waiting", tickets).put("windows", sessions);
        }, false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
            } else {
                Json.send(ctx, 200, QueueJson.forCaller(ctx, r.result()));
            }
        }));
    }
}
