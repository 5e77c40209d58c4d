package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.onedoor.api.queue.HolidayRoster;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's published holiday roster of the 365 holiday service (R14), public:
 * {@code GET /api/v1/holidays/roster} → the served public holidays with their zones, departments and
 * windows, and how many working days before a holiday it must be booked.
 */
@Component(service = RouteContributor.class)
public final class HolidayRosterRoutes implements RouteContributor {

    private final HolidayRoster roster;

    @Activate
    public HolidayRosterRoutes(@Reference HolidayRoster roster) {
        this.roster = roster;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/holidays/roster").handler(this::roster);
    }

    private void roster(RoutingContext ctx) {
        JsonArray days = new JsonArray();
        for (HolidayRoster.ServedDay d : roster.days()) {
            days.add(new JsonObject().put("day", d.day().toString()).put("holiday", d.holiday()).put("zones", new JsonArray(d.zones()))
                    .put("departments", new JsonArray(d.departments())).put("windows", new JsonArray(d.windows())));
        }
        Json.send(ctx, 200, new JsonObject().put("minWorkingDaysBefore", roster.minWorkingDaysBefore()).put("days", days)
                .put("rule", "法定节假日可预约民生事项，须至少提前 " + roster.minWorkingDaysBefore() + " 个工作日 (365 holiday service, R14:"
                        + " livelihood matters can be booked for a served public holiday at least " + roster.minWorkingDaysBefore()
                        + " working days before it)"));
    }
}
