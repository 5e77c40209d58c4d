package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.stats.QueueStatistics;
import org.onedoor.api.stats.ZoneQueueDay;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.HallScope;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A hall's queue figures of a day per zone ({@code GET /api/v1/stats/queue?day=} for the default hall,
 * {@code GET /api/v1/halls/{hall}/stats/queue?day=} for any hall), for supervisors and admins.
 */
@Component(service = RouteContributor.class)
public final class StatsRoutes implements RouteContributor {

    static final String[] SUPERVISOR_ROLES = {"admin", "supervisor"};

    private final QueueStatistics statistics;
    private final WebAccess access;
    private final HallClock clock;

    /** The halls the node serves; absent, only the default hall's figures answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallDirectory halls;

    @Activate
    public StatsRoutes(@Reference QueueStatistics statistics, @Reference WebAccess access, @Reference HallClock clock) {
        this.statistics = statistics;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void contribute(Router router) {
        for (String prefix : HallScope.PREFIXES) {
            router.get(prefix + "/stats/queue").handler(access.requireAnyRole(SUPERVISOR_ROLES)).handler(this::queue);
        }
    }

    private void queue(RoutingContext ctx) {
        String hall = HallScope.of(ctx, halls);
        LocalDate day = day(ctx.queryParams().get("day"), clock.today());
        ctx.vertx().executeBlocking(() -> statistics.day(hall, day), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            JsonArray zones = new JsonArray();
            int issued = 0;
            int served = 0;
            int waiting = 0;
            for (ZoneQueueDay z : r.result()) {
                zones.add(new JsonObject().put("zoneId", z.zoneId()).put("issued", z.issued()).put("waiting", z.waiting())
                        .put("atWindow", z.atWindow()).put("served", z.served()).put("noShows", z.noShows())
                        .put("averageWaitMinutes", minutes(z.averageWaitMinutes()))
                        .put("longestWaitMinutes", minutes(z.longestWaitMinutes()))
                        .put("averageServiceMinutes", minutes(z.averageServiceMinutes())));
                issued += z.issued();
                served += z.served();
                waiting += z.waiting();
            }
            Json.send(ctx, 200, new JsonObject().put("hallId", hall).put("day", day.toString())
                    .put("totals", new JsonObject().put("issued", issued).put("served", served).put("waiting", waiting))
                    .put("zones", zones));
        }));
    }

    /** Minutes for JSON: null when there is no figure. */
    private static Double minutes(double m) {
        return m < 0 ? null : m;
    }

    /** @return the day named, or the hall's {@code today} when none is */
    static LocalDate day(String text, LocalDate today) {
        if (text == null || text.isEmpty()) {
            return today;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-day", "day must be a date like 2026-11-27, was '" + text + "'");
        }
    }
}
