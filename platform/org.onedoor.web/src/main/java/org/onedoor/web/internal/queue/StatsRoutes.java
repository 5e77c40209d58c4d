package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.onedoor.api.stats.QueueStatistics;
import org.onedoor.api.stats.ZoneQueueDay;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The queue's day figures per zone ({@code GET /api/v1/stats/queue?day=}), for supervisors and admins. */
@Component(service = RouteContributor.class)
public final class StatsRoutes implements RouteContributor {

    static final String[] SUPERVISOR_ROLES = {"admin", "supervisor"};
    private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private final QueueStatistics statistics;
    private final WebAccess access;

    @Activate
    public StatsRoutes(@Reference QueueStatistics statistics, @Reference WebAccess access) {
        this.statistics = statistics;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/stats/queue").handler(access.requireAnyRole(SUPERVISOR_ROLES)).handler(this::queue);
    }

    private void queue(RoutingContext ctx) {
        LocalDate day = day(ctx.queryParams().get("day"));
        ctx.vertx().executeBlocking(() -> statistics.day(day), false).onComplete(Guarded.completion(ctx, r -> {
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
            Json.send(ctx, 200, new JsonObject().put("day", day.toString())
                    .put("totals", new JsonObject().put("issued", issued).put("served", served).put("waiting", waiting))
                    .put("zones", zones));
        }));
    }

    /** Minutes for JSON: null when there is no figure. */
    private static Double minutes(double m) {
        return m < 0 ? null : m;
    }

    static LocalDate day(String text) {
        if (text == null || text.isEmpty()) {
            return LocalDate.now(HALL_ZONE);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-day", "day must be a date like 2026-11-27, was '" + text + "'");
        }
    }
}
