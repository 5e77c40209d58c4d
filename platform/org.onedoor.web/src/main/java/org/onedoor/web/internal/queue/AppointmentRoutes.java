package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.queue.Appointment;
import org.onedoor.api.queue.AppointmentBook;
import org.onedoor.api.queue.AppointmentRequest;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.web.Guarded;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.AuditLog;
import org.onedoor.web.internal.http.Fields;
import org.onedoor.web.internal.http.Json;
import org.onedoor.web.internal.http.Problems;
import org.onedoor.web.internal.http.RateLimiter;
import org.onedoor.web.internal.http.TooManyRequests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Online appointments (R13), public: book a slot ({@code POST /api/v1/appointments}, with an
 * {@code Idempotency-Key} for safe retries), see a zone's slots ({@code GET /api/v1/appointments/slots}).
 * Check-in ({@code POST /api/v1/appointments/{code}/check-in}) is {@link BookingRoutes}' one, with
 * the check-in window around the slot. Booking is limited per client address beyond the public limit ({@code appointmentBurst},
 * {@code appointmentsPerMinute} in {@code etc/org.onedoor.web.cfg}), so codes cannot be guessed in bulk.
 */
@Component(service = RouteContributor.class, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AppointmentRoutes implements RouteContributor {

    private final AppointmentBook book;
    private final RateLimiter limiter;
    private final HallClock clock;

    @Activate
    public AppointmentRoutes(@Reference AppointmentBook book, @Reference HallClock clock, AppointmentLimitConfig config) {
        this.book = book;
        this.clock = clock;
        this.limiter = new RateLimiter(config.appointmentBurst(), config.appointmentsPerMinute() / 60.0, Clock.systemUTC());
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/appointments").handler(this::limit).handler(this::book);
        router.get("/api/v1/appointments/slots").handler(this::slots);
    }

    private void limit(RoutingContext ctx) {
        Duration wait = limiter.take(AuditLog.origin(ctx));
        if (!wait.isZero()) {
            TooManyRequests.fail(ctx, "rate-limited", wait, "this address booked or checked in more appointments than the node takes");
            return;
        }
        ctx.next();
    }

    private void book(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        AppointmentRequest request = new AppointmentRequest(body.text("zone", Fields.ZONE), body.text("matter", Fields.MATTER),
                body.refusedAs("invalid-day").date("day"), slot(body.refusedAs("invalid-slot").text("slot", 5)),
                ctx.request().getHeader("Idempotency-Key"));
        if (request.zoneId().isEmpty()) {
            throw ProblemException.badRequest("missing-zone", "say which zone: {\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"09:00\"}");
        }
        ctx.vertx().executeBlocking(() -> book.book(request), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            ctx.response().putHeader("Location", "/api/v1/appointments/" + r.result().code());
            Json.send(ctx, 201, appointment(r.result()));
        }));
    }

    private void slots(RoutingContext ctx) {
        String zone = ctx.queryParams().get("zone");
        if (zone == null || zone.isBlank()) {
            throw ProblemException.badRequest("missing-zone", "say which zone: ?zone=police&day=2026-12-01");
        }
        LocalDate day = day(ctx.queryParams().get("day"));
        ctx.vertx().executeBlocking(() -> book.slots(zone, day), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            JsonArray items = new JsonArray();
            java.time.Instant now = clock.now();
            for (AppointmentSlot s : r.result()) {
                // passed: the slot began by the hall's clock (a page offers only the ones to come)
                boolean passed = !day.atTime(s.start()).atZone(clock.zone()).toInstant().isAfter(now);
                items.add(new JsonObject().put("start", s.start().toString()).put("capacity", s.capacity())
                        .put("booked", s.booked()).put("free", s.free()).put("passed", passed));
            }
            Json.send(ctx, 200, new JsonObject().put("zoneId", zone).put("day", day.toString()).put("slots", items));
        }));
    }

    static JsonObject appointment(Appointment a) {
        return new JsonObject().put("code", a.code()).put("zoneId", a.zoneId()).put("matterCode", a.matterCode())
                .put("day", a.day().toString()).put("slot", a.slot().toString()).put("bookedAt", a.bookedAt().toString())
                .put("checkedIn", a.checkedIn()).put("checkedInAt", a.checkedInAt().map(Object::toString).orElse(null))
                .put("ticketId", a.ticketId().isEmpty() ? null : a.ticketId());
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-day", "give the day as a date like 2026-12-01, was '" + Problems.echo(text) + "'");
        }
    }

    private static LocalTime slot(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-slot", "give the slot's start as HH:mm, e.g. 09:30, was '" + Problems.echo(text) + "'");
        }
    }
}
