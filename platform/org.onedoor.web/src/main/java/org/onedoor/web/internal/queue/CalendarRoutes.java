package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onedoor.api.calendar.CalendarAdmin;
import org.onedoor.api.calendar.InvalidCalendarFileException;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working-day calendar API: deadlines and the known years (public), loading a year file
 * (operators and admins). Reads answer on the event loop from the calendar's memory; a load runs
 * off it. A deadline reaching an unknown year is answered 422 by {@link Problems}.
 */
@Component(service = RouteContributor.class)
public final class CalendarRoutes implements RouteContributor {

    /** Largest number of working days a deadline may be asked for. */
    static final int MAX_DAYS = 365;

    private static final Logger LOG = LoggerFactory.getLogger(CalendarRoutes.class);

    private final WorkingDayCalendar calendar;
    private final CalendarAdmin admin;
    private final WebAccess access;

    @Activate
    public CalendarRoutes(@Reference WorkingDayCalendar calendar, @Reference CalendarAdmin admin, @Reference WebAccess access) {
        this.calendar = calendar;
        this.admin = admin;
        this.access = access;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/calendar/working-days").handler(this::workingDays);
        router.get("/api/v1/calendar/years").handler(this::years);
        router.get("/api/v1/calendar/years/:year").handler(this::year);
        router.put("/api/v1/calendar/years/:year").handler(access.requireAnyRole(ZoneRoutes.OPERATOR_ROLES)).handler(this::load);
    }

    private void workingDays(RoutingContext ctx) {
        LocalDate from = date(ctx.queryParams().get("from"));
        int days = days(ctx.queryParams().get("days"));
        Json.send(ctx, 200, CalendarJson.deadline(calendar.deadline(from, days)));
    }

    private void years(RoutingContext ctx) {
        JsonArray years = new JsonArray();
        calendar.years().forEach(y -> years.add(CalendarJson.summary(y)));
        Json.send(ctx, 200, new JsonObject().put("count", years.size()).put("years", years));
    }

    private void year(RoutingContext ctx) {
        int year = year(ctx.pathParam("year"));
        KnownYear known = calendar.year(year).orElseThrow(() -> ProblemException.notFound("unknown-calendar-year",
                "the calendar has no year " + year + " (known years: " + knownYears() + "); load its file with PUT "
                        + ctx.request().path()));
        int workingDays = calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
        Json.send(ctx, 200, CalendarJson.year(known, workingDays));
    }

    private void load(RoutingContext ctx) {
        int year = year(ctx.pathParam("year"));
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "send the calendar year file as application/json");
        }
        try {
            Fields.object(ctx); // one strictly valid JSON object (no repeated keys, no lone surrogates)
        } catch (ProblemException e) {
            if (!"malformed-json".equals(e.code())) {
                throw e;
            }
            // a syntax error is the calendar reader's to report, with its line and what to write instead
        }
        String content = ctx.body() == null || ctx.body().buffer() == null ? ""
                : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        String user = ctx.get(WebAccess.USER);
        Optional<KnownYear> before = calendar.year(year);
        String source = "the file sent to " + ctx.request().path();
        ctx.vertx().executeBlocking(() -> admin.load(year, content, source, user), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                Throwable cause = r.cause();
                ctx.fail(cause instanceof InvalidCalendarFileException
                        ? ProblemException.badRequest("invalid-calendar-file", cause.getMessage()) : cause);
                return;
            }
            LOG.info("Calendar year {} loaded by {} over HTTP from {}", year, user, ctx.request().remoteAddress());
            JsonObject body = CalendarJson.summary(r.result())
                    .put("replaced", before.map(b -> b.origin().name()).orElse(null));
            Json.send(ctx, 200, body);
        }));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("invalid-date", "give the start day as from=YYYY-MM-DD, e.g. from=2026-02-13");
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-date", "from must be a date YYYY-MM-DD, e.g. 2026-02-13; was '" + value + "'");
    }

    private static int days(String value) {
        if (value != null && value.matches("\\d{1,3}") && Integer.parseInt(value) <= MAX_DAYS) {
            return Integer.parseInt(value);
        }
        throw ProblemException.badRequest("invalid-days", "days must be a whole number of working days from 0 to "
                + MAX_DAYS + (value == null ? "; it is missing" : ", was '" + value + "'"));
    }

    private static int year(String value) {
        if (value != null && value.matches("\\d{4}")) {
            return Integer.parseInt(value);
        }
        throw ProblemException.badRequest("invalid-year", "the year must be four digits, e.g. 2027; was '" + value + "'");
    }

    private String knownYears() {
        List<KnownYear> years = calendar.years();
        return years.isEmpty() ? "none" : years.stream().map(y -> Integer.toString(y.year())).collect(Collectors.joining(", "));
    }
}
