package org.onedoor.web.internal.staff;

import static org.onedoor.web.internal.cases.CaseRequests.send;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.DutyKind;
import org.onedoor.api.staff.RosterEntry;
import org.onedoor.api.staff.StaffDuties;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.queue.QueueJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Duties kept apart (R17) and the window roster over HTTP: {@code /api/v1/staff/duties},
 * {@code /api/v1/staff/{id}/duties}, {@code /api/v1/staff/{id}/zone}, {@code /api/v1/staff/roster}.
 * The core decides and audits; a refusal under R17 is 409 {@code duties-kept-apart}.
 */
@Component(service = RouteContributor.class)
public final class StaffDutyRoutes implements RouteContributor {

    private static final String[] HALL = {"admin", "operator", "supervisor"};
    private static final String[] ASSIGNERS = {"admin", "supervisor", "department"};
    private static final String[] READERS = {"admin", "operator", "supervisor", "department"};
    private static final String[] ROSTER_READERS = {"admin", "operator", "supervisor", "department", "clerk"};
    private static final String MEMBER = "/api/v1/staff/(?<id>[0-9]{1,18})";

    private final StaffDuties duties;
    private final WindowRoster roster;
    private final HallClock clock;
    private final WebAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public StaffDutyRoutes(@Reference StaffDuties duties, @Reference WindowRoster roster, @Reference HallClock clock,
            @Reference WebAccess access) {
        this.duties = duties;
        this.roster = roster;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/staff/duties").handler(access.requireAnyRole(READERS)).handler(ctx -> {
            Optional<String> unit = scope(ctx, ctx.queryParams().get("unit"));
            send(ctx, 200, () -> new JsonObject().put("duties", new JsonArray(duties.duties(unit).stream().map(StaffDutyRoutes::duty).toList())));
        });
        router.postWithRegex(MEMBER + "/duties").handler(access.requireAnyRole(ASSIGNERS)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            DutyKind kind = choice(body, "duty", DutyKind.class);
            String unit = body.required("unitId", Fields.DEPARTMENT);
            String matter = body.text("matterCode", Fields.MATTER);
            long id = id(ctx);
            send(ctx, 201, () -> duty(duties.assign(id, kind, unit, matter, principal(ctx), origin())));
        });
        router.postWithRegex("/api/v1/staff/duties/(?<id>[0-9]{1,18})/end").handler(access.requireAnyRole(ASSIGNERS)).handler(ctx -> {
            long id = id(ctx);
            send(ctx, 200, () -> duty(duties.end(id, principal(ctx), origin())));
        });
        router.putWithRegex(MEMBER + "/zone").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            String zone = Fields.of(ctx).text("zoneId", Fields.ZONE);
            long id = id(ctx);
            send(ctx, 200, () -> {
                roster.setZone(id, zone.isEmpty() ? Optional.empty() : Optional.of(zone), principal(ctx), origin());
                return new JsonObject().put("staffId", id).put("zoneId", roster.zone(id).orElse(null));
            });
        });
        router.get("/api/v1/staff/roster").handler(access.requireAnyRole(ROSTER_READERS)).handler(ctx -> {
            LocalDate day = day(ctx.queryParams().get("day"));
            String hall = hall(ctx.queryParams().get("hall"));
            send(ctx, 200, () -> new JsonObject().put("hallId", hall).put("day", day.toString())
                    .put("roster", new JsonArray(roster.roster(hall, day).stream().map(StaffDutyRoutes::entry).toList())));
        });
        router.putWithRegex("/api/v1/staff/roster/(?<day>[0-9-]{10})/(?<window>[0-9]{1,4})").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            Fields body = Fields.of(ctx);
            long staffId = body.integer("staffId", 0, 1, Integer.MAX_VALUE);
            String hall = hall(body.text("hallId", 24));
            LocalDate day = day(ctx.pathParam("day"));
            int window = Integer.parseInt(ctx.pathParam("window"));
            send(ctx, 200, () -> entry(roster.assign(hall, day, window, staffId, principal(ctx), origin())));
        });
        router.deleteWithRegex("/api/v1/staff/roster/(?<day>[0-9-]{10})/(?<window>[0-9]{1,4})").handler(access.requireAnyRole(HALL)).handler(ctx -> {
            String hall = hall(ctx.queryParams().get("hall"));
            LocalDate day = day(ctx.pathParam("day"));
            int window = Integer.parseInt(ctx.pathParam("window"));
            send(ctx, 200, () -> new JsonObject().put("window", window).put("day", day.toString())
                    .put("removed", roster.unassign(hall, day, window, principal(ctx), origin())));
        });
    }

    private LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return clock.today();
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Fields.FieldProblem("invalid-day", "day", "day: 应为日期，如 " + clock.today() + " (must be a date like " + clock.today() + ")");
        }
    }

    private static String hall(String text) {
        return text == null || text.isBlank() ? Hall.DEFAULT_ID : text.strip();
    }

    private static Optional<String> scope(RoutingContext ctx, String asked) {
        return StaffRoutes.scope(ctx, asked);
    }

    private static <E extends Enum<E>> E choice(Fields body, String field, Class<E> type) {
        return StaffRoutes.choice(body, field, type);
    }

    private static HallPrincipal principal(RoutingContext ctx) {
        return StaffRoutes.principal(ctx);
    }

    private String origin() {
        return StaffRoutes.origin(cluster);
    }

    private static long id(RoutingContext ctx) {
        return StaffRoutes.id(ctx);
    }

    static JsonObject duty(Duty d) {
        return new JsonObject().put("id", d.id()).put("staffId", d.staffId()).put("userName", d.userName()).put("realName", d.realName())
                .put("duty", d.kind().name()).put("dutyZh", d.kind().chinese()).put("dutyEn", d.kind().english()).put("unitId", d.unitId())
                .put("matterCode", d.matterCode().isEmpty() ? null : d.matterCode()).put("assignedBy", d.assignedBy())
                .put("assignedAt", d.assignedAt().toString());
    }

    static JsonObject entry(RosterEntry e) {
        return new JsonObject().put("hallId", e.hallId()).put("day", e.day().toString()).put("window", e.window()).put("zoneId", e.zoneId())
                .put("staffId", e.staffId()).put("plate", QueueJson.plate(e.plate())).put("assignedBy", e.assignedBy())
                .put("assignedAt", e.assignedAt().toString());
    }
}
