package org.onedoor.web.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's office hours (R21), public: {@code GET /api/v1/hours?zone=police} says whether the zone
 * takes tickets now, its periods today and when that changes; kiosks show it. {@link #refuseOutsideHours}
 * is the check ticket issuing makes.
 */
@Component(service = {RouteContributor.class, HoursRoutes.class})
public final class HoursRoutes implements RouteContributor {

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final OfficeHours hours;
    private final HallClock clock;
    private final ZoneDirectory zones;

    @Activate
    public HoursRoutes(@Reference OfficeHours hours, @Reference HallClock clock, @Reference ZoneDirectory zones) {
        this.hours = hours;
        this.clock = clock;
        this.zones = zones;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/hours").handler(this::status);
    }

    private void status(RoutingContext ctx) {
        String zone = ctx.queryParams().get("zone");
        if (zone == null || zone.isBlank()) {
            throw ProblemException.badRequest("missing-zone", "say which zone: /api/v1/hours?zone=police");
        }
        if (zones.zone(zone).isEmpty()) {
            throw new UnknownZoneException(zone);
        }
        Json.send(ctx, 200, json(hours.status(zone, clock.now())));
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

    /**
     * Refuses a ticket for {@code zoneId} outside the office hours (409 {@code outside-office-hours},
     * with {@code nextOpening}) when the hall enforces them.
     */
    void refuseOutsideHours(String zoneId) {
        HoursStatus s = hours.status(zoneId, clock.now());
        if (s.takesTickets()) {
            return;
        }
        String detail = s.nextOpening().map(HoursRoutes::opensAgain)
                .orElse("大厅当前不在办公时间,暂停取号 / The hall is outside its office hours and issues no tickets now");
        ProblemException p = new ProblemException(409, "outside-office-hours", "Outside office hours", detail);
        s.nextOpening().ifPresent(t -> p.with("nextOpening", t.toOffsetDateTime().toString()));
        throw p;
    }

    private static String opensAgain(ZonedDateTime t) {
        return "大厅当前不在办公时间,暂停取号;下次开放时间 " + ZH.format(t) + "(预约号可按预约时间签到)"
                + " / The hall is outside its office hours and issues no tickets now; it opens again " + EN.format(t)
                + " (booked appointments check in at their slot)";
    }
}
