package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.HallScope;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The halls' office hours (R21), public: {@code GET /api/v1/hours?zone=police} (the default hall) or
 * {@code GET /api/v1/halls/{hall}/hours?zone=police} says whether the hall's zone takes tickets now,
 * its periods today and when that changes; kiosks show it. Ticket issuing itself refuses tickets
 * outside the hours (the queue, after its replay look-up).
 */
@Component(service = RouteContributor.class)
public final class HoursRoutes implements RouteContributor {

    private final OfficeHours hours;
    private final ZoneDirectory zones;

    /** The halls the node serves; absent, only the default hall's hours answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    @Activate
    public HoursRoutes(@Reference OfficeHours hours, @Reference ZoneDirectory zones) {
        this.hours = hours;
        this.zones = zones;
    }

    @Override
    public void contribute(Router router) {
        for (String prefix : HallScope.PREFIXES) {
            router.get(prefix + "/hours").handler(this::status);
        }
    }

    private void status(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        String zone = ctx.queryParams().get("zone");
        if (zone == null || zone.isBlank()) {
            throw ProblemException.badRequest("missing-zone", "say which zone: /api/v1/hours?zone=police");
        }
        if (zones.zone(hall, zone).isEmpty()) {
            throw new UnknownZoneException(zone);
        }
        Json.send(ctx, 200, json(hours.now(hall, zone)).put("hallId", hall));
    }

    static JsonObject json(HoursStatus s) {
        JsonArray today = new JsonArray();
        s.today().forEach(p -> today.add(new JsonObject().put("opens", p.opens().toString())
                .put("closes", p.closes().getHour() == 23 && p.closes().getMinute() == 59 ? "24:00" : p.closes().toString())));
        JsonObject json = new JsonObject().put("zoneId", s.zoneId()).put("enforced", s.enforced()).put("open", s.open())
                .put("takesTickets", s.takesTickets()).put("today", today);
        s.closesAt().ifPresent(t -> json.put("closesAt", t.toOffsetDateTime().toString()));
        s.nextOpening().ifPresent(t -> json.put("nextOpening", t.toOffsetDateTime().toString()));
        return json;
    }
}
