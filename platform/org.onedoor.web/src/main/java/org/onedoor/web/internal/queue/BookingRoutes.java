package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.queue.Booking;
import org.onedoor.api.queue.BookingRequest;
import org.onedoor.api.queue.Bookings;
import org.onedoor.web.Guarded;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.cases.CaseRequests;
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
 * Bookings of a person (issue 18), public: book ({@code POST /api/v1/bookings {zone|matter, day, slot,
 * phone, idNumber?, language?}}, with an {@code Idempotency-Key}), look up
 * ({@code GET /api/v1/bookings/{code}?phone=}), cancel ({@code POST /api/v1/bookings/{code}/cancel {phone}}),
 * reschedule ({@code POST /api/v1/bookings/{code}/reschedule {phone, day, slot}}) and check in at the kiosk
 * ({@code POST /api/v1/bookings/{code}/check-in}; the older {@code /api/v1/appointments/{code}/check-in}
 * is the same check-in, window included). Staff list a day's bookings, phones masked
 * ({@code GET /api/v1/admin/bookings?day=}). Every public route but the listing is limited per client
 * address ({@code appointmentBurst}, {@code appointmentsPerMinute}), so codes cannot be probed in bulk.
 */
@Component(service = RouteContributor.class, configurationPid = "org.onedoor.web", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class BookingRoutes implements RouteContributor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Bookings bookings;
    private final WebAccess access;
    private final HallClock clock;
    private final RateLimiter limiter;

    @Activate
    public BookingRoutes(@Reference Bookings bookings, @Reference WebAccess access, @Reference HallClock clock, AppointmentLimitConfig config) {
        this.bookings = bookings;
        this.access = access;
        this.clock = clock;
        this.limiter = new RateLimiter(config.appointmentBurst(), config.appointmentsPerMinute() / 60.0, Clock.systemUTC());
    }

    @Override
    public void contribute(Router router) {
        router.post("/api/v1/bookings").handler(this::limit).handler(this::book);
        router.get("/api/v1/bookings/:code").handler(this::limit).handler(this::find);
        router.post("/api/v1/bookings/:code/cancel").handler(this::limit).handler(this::cancel);
        router.post("/api/v1/bookings/:code/reschedule").handler(this::limit).handler(this::reschedule);
        router.post("/api/v1/bookings/:code/check-in").handler(this::limit).handler(this::checkIn);
        router.post("/api/v1/appointments/:code/check-in").handler(this::limit).handler(this::checkIn);
        router.get("/api/v1/admin/bookings").handler(access.requireAnyRole("admin", "operator", "clerk", "supervisor"))
                .handler(this::day);
    }

    private void limit(RoutingContext ctx) {
        Duration wait = limiter.take(AuditLog.origin(ctx));
        if (!wait.isZero()) {
            TooManyRequests.fail(ctx, "rate-limited", wait, "此地址的预约操作过于频繁,请稍后再试 (this address made more booking requests than the node takes)");
            return;
        }
        ctx.next();
    }

    private static String origin(RoutingContext ctx) {
        return "web " + AuditLog.origin(ctx);
    }

    private void book(RoutingContext ctx) {
        Fields body = Fields.of(ctx);
        BookingRequest request = new BookingRequest(body.text("zone", Fields.ZONE), body.text("matter", Fields.MATTER),
                body.refusedAs("invalid-day").date("day"), slot(body.refusedAs("invalid-slot").required("slot", 5)),
                body.refusedAs("invalid-phone").required("phone", 20), body.text("idNumber", 20), body.text("language", 8),
                ctx.request().getHeader("Idempotency-Key"));
        String origin = origin(ctx);
        ctx.vertx().executeBlocking(() -> bookings.book(request, origin), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            ctx.response().putHeader("Location", "/api/v1/bookings/" + r.result().code());
            Json.send(ctx, 201, booking(r.result()).put("message", "预约成功,预约码 " + r.result().code() + ";请于 "
                    + time(r.result().checkInFrom()) + " 至 " + time(r.result().checkInTo()) + " 到自助机签到 (booked: code "
                    + r.result().code() + "; check in at the kiosk between " + time(r.result().checkInFrom()) + " and "
                    + time(r.result().checkInTo()) + ")"));
        }));
    }

    private void find(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        String phone = ctx.queryParams().get("phone");
        if (phone == null || phone.isBlank()) {
            throw new Fields.FieldProblem("missing-phone", "phone", "phone: 请填写预约时的手机号 (give the phone number the booking was made with)");
        }
        CaseRequests.send(ctx, 200, () -> booking(bookings.find(code, phone)));
    }

    private void cancel(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        String phone = Fields.of(ctx).refusedAs("missing-phone").required("phone", 20);
        String origin = origin(ctx);
        CaseRequests.send(ctx, 200, () -> booking(bookings.cancel(code, phone, origin))
                .put("message", "预约已取消 (the booking is cancelled)"));
    }

    private void reschedule(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        Fields body = Fields.of(ctx);
        String phone = body.refusedAs("missing-phone").required("phone", 20);
        LocalDate day = body.refusedAs("invalid-day").date("day");
        LocalTime slot = slot(body.refusedAs("invalid-slot").required("slot", 5));
        String origin = origin(ctx);
        CaseRequests.send(ctx, 200, () -> {
            Booking b = bookings.reschedule(code, phone, day, slot, origin);
            return booking(b).put("message", "已改约到 " + b.day() + " " + b.slot() + " (moved to " + b.day() + " " + b.slot() + ")");
        });
    }

    private void checkIn(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        String origin = origin(ctx);
        ctx.vertx().executeBlocking(() -> bookings.checkIn(code, origin), false).onComplete(Guarded.completion(ctx, r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            Bookings.CheckedIn in = r.result();
            ctx.response().putHeader("Location", "/api/v1/tickets/" + in.ticket().ticket().id());
            Booking b = in.booking();
            Json.send(ctx, in.ticket().replayed() ? 200 : 201, new JsonObject()
                    .put("booking", booking(b))
                    .put("appointment", new JsonObject().put("code", b.code()).put("zoneId", b.zoneId()).put("matterCode", b.matterCode())
                            .put("day", b.day().toString()).put("slot", b.slot().toString()).put("bookedAt", b.bookedAt().toString())
                            .put("checkedIn", b.checkedInAt().isPresent())
                            .put("checkedInAt", b.checkedInAt().map(Object::toString).orElse(null))
                            .put("ticketId", b.ticketId().isEmpty() ? null : b.ticketId()))
                    .put("late", in.late())
                    .put("message", in.late()
                            ? "已过预约签到时间(" + time(b.checkInTo()) + "),按普通号排队 (checked in after " + time(b.checkInTo())
                                    + ": you queue with a normal ticket)"
                            : "签到成功,预约号优先办理 (checked in on time: your appointment ticket is served first)")
                    .put("ticket", QueueJson.ticket(in.ticket().ticket(), in.ticket().waiting())));
        }));
    }

    private void day(RoutingContext ctx) {
        String text = ctx.queryParams().get("day");
        LocalDate day;
        try {
            day = text == null || text.isEmpty() ? clock.today() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Fields.FieldProblem("invalid-day", "day", "day: 日期格式如 2026-12-01 (a date like 2026-12-01)");
        }
        LocalDate d = day;
        CaseRequests.send(ctx, 200, () -> new JsonObject().put("day", d.toString())
                .put("bookings", new JsonArray(bookings.day(d).stream().map(BookingRoutes::booking).toList())));
    }

    /** @return the booking as JSON: phone and ID number masked, as every view shows them */
    static JsonObject booking(Booking b) {
        return new JsonObject().put("code", b.code()).put("zoneId", b.zoneId()).put("matterCode", b.matterCode())
                .put("day", b.day().toString()).put("slot", b.slot().toString()).put("phone", b.phoneMasked())
                .put("idNumber", b.idMasked().isEmpty() ? null : b.idMasked()).put("state", b.state().name())
                .put("bookedAt", b.bookedAt().toString()).put("checkedInAt", b.checkedInAt().map(Object::toString).orElse(null))
                .put("ticketId", b.ticketId().isEmpty() ? null : b.ticketId())
                .put("checkInFrom", b.checkInFrom().toString()).put("checkInTo", b.checkInTo().toString());
    }

    private String time(java.time.Instant at) {
        return TIME.format(at.atZone(clock.zone()));
    }

    private static LocalTime slot(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new Fields.FieldProblem("invalid-slot", "slot", "slot: 时段格式如 09:30 (the slot's start as HH:mm, e.g. 09:30), 不是 '"
                    + Problems.echo(text) + "'");
        }
    }
}
