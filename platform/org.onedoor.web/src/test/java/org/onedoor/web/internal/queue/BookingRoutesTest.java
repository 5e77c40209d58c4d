package org.onedoor.web.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.annotation.Annotation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.queue.Booking;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.BookingRequest;
import org.onedoor.api.queue.BookingState;
import org.onedoor.api.queue.Bookings;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.internal.RouteTestServer;

/**
 * The booking routes on the real Vert.x server over a stand-in (the rules are tested in the core,
 * HallBookingsTest): parsing, answers, problems naming the field, masked phones, the staff listing.
 */
public class BookingRoutesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant FROM = Instant.parse("2026-12-01T00:30:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T01:15:00Z");

    private final List<BookingRequest> booked = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();
    private volatile HallPrincipal principal;

    private static Booking booking(String code, LocalDate day, LocalTime slot, BookingState state) {
        return new Booking(code, "police", "", day, slot, "138****5678", "", state, Instant.parse("2026-11-27T02:00:00Z"),
                Optional.empty(), "", FROM, TO);
    }

    /** Knows 40318275 with phone 13812345678; refuses phone 13900000000 as over its limit; checks in 11111111 late. */
    private final Bookings bookings = new Bookings() {
        @Override
        public Booking book(BookingRequest r, String origin) {
            if (!r.phone().matches("1[3-9][0-9]{9}")) {
                throw new BookingException(QueueException.Reason.INVALID, "invalid-phone", "phone", "phone: 11 digits");
            }
            if (r.phone().equals("13900000000")) {
                throw new BookingException(QueueException.Reason.CONFLICT, "too-many-bookings", "phone", "phone: at most 3");
            }
            booked.add(r);
            origins.add(origin);
            return booking("40318275", r.day(), r.slot(), BookingState.OPEN);
        }

        @Override
        public Booking find(String code, String phone) {
            if (!code.equals("40318275") || !phone.equals("13812345678")) {
                throw new BookingException(QueueException.Reason.NOT_FOUND, "unknown-booking", "code", "no such booking");
            }
            return booking(code, DAY, LocalTime.of(9, 0), BookingState.OPEN);
        }

        @Override
        public Booking cancel(String code, String phone, String origin) {
            find(code, phone);
            return booking(code, DAY, LocalTime.of(9, 0), BookingState.CANCELLED);
        }

        @Override
        public Booking reschedule(String code, String phone, LocalDate day, LocalTime slot, String origin) {
            find(code, phone);
            return booking(code, day, slot, BookingState.OPEN);
        }

        @Override
        public CheckedIn checkIn(String code, String origin) {
            if (!code.equals("11111111")) {
                throw new BookingException(QueueException.Reason.NOT_FOUND, "unknown-appointment", "code", "no such appointment");
            }
            Ticket t = new Ticket("t-1", "G007", "police", "police", DAY, TicketPriority.NORMAL, "", "", "", "",
                    TicketStatus.WAITING, 0, 0, 0, Instant.parse("2026-12-01T02:00:00Z"), Optional.empty(), Optional.empty(),
                    Optional.empty());
            Booking b = new Booking(code, "police", "", DAY, LocalTime.of(9, 0), "138****5678", "", BookingState.CHECKED_IN_LATE,
                    Instant.parse("2026-11-27T02:00:00Z"), Optional.of(Instant.parse("2026-12-01T02:00:00Z")), "t-1", FROM, TO);
            return new CheckedIn(b, new IssuedTicket(t, new WaitingInfo(3, 10), false), true);
        }

        @Override
        public List<Booking> day(LocalDate day) {
            return List.of(booking("40318275", day, LocalTime.of(9, 0), BookingState.OPEN));
        }
    };

    private RouteTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = RouteTestServer.start(new BookingRoutes(bookings, RouteTestServer.signedIn(() -> principal), new AppointmentLimitConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AppointmentLimitConfig.class; }
            @Override public int appointmentBurst() { return 30; }
            @Override public int appointmentsPerMinute() { return 1; }
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return body == null ? server.send(server.request(path).POST(HttpRequest.BodyPublishers.noBody())) : server.post(path, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    private static JsonObject problem(HttpResponse<String> r, int status, String code, String field) {
        JsonObject p = RouteTestServer.problem(r, status, code);
        assertEquals(field, p.getString("field"), r.body());
        return p;
    }

    @Test
    void aBookingIsParsedAndAnsweredWithItsCodeAndWindow() throws Exception {
        HttpResponse<String> r = post("/api/v1/bookings", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"09:00\","
                + " \"phone\": \"13812345678\", \"idNumber\": \"110101199003071234\", \"language\": \"en\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("/api/v1/bookings/40318275", r.headers().firstValue("Location").orElse(""));
        JsonObject b = new JsonObject(r.body());
        assertEquals("40318275", b.getString("code"));
        assertEquals("138****5678", b.getString("phone"));
        assertEquals("OPEN", b.getString("state"));
        assertTrue(b.getString("message").contains("08:30") && b.getString("message").contains("09:15"), b.getString("message"));
        assertEquals(new BookingRequest("police", "", DAY, LocalTime.of(9, 0), "13812345678", "110101199003071234", "en", ""), booked.get(0));
        assertTrue(origins.get(0).startsWith("web "));
        assertFalse(r.body().contains("13812345678"), "the answer never repeats the number in the clear");

        problem(post("/api/v1/bookings", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"09:00\"}"), 400, "invalid-phone", "phone");
        problem(post("/api/v1/bookings", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"09:00\", \"phone\": \"123\"}"),
                400, "invalid-phone", "phone");
        problem(post("/api/v1/bookings", "{\"zone\": \"police\", \"day\": \"1.12.2026\", \"slot\": \"09:00\", \"phone\": \"13812345678\"}"),
                400, "invalid-day", "day");
        problem(post("/api/v1/bookings", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"9h\", \"phone\": \"13812345678\"}"),
                400, "invalid-slot", "slot");
        problem(post("/api/v1/bookings", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"09:00\", \"phone\": \"13900000000\"}"),
                409, "too-many-bookings", "phone");
        assertEquals(1, booked.size());
    }

    @Test
    void lookUpCancelAndRescheduleNeedTheCodeAndThePhone() throws Exception {
        JsonObject found = new JsonObject(get("/api/v1/bookings/40318275?phone=13812345678").body());
        assertEquals("OPEN", found.getString("state"));
        problem(get("/api/v1/bookings/40318275?phone=13900000001"), 404, "unknown-booking", "code");
        problem(get("/api/v1/bookings/40318275"), 400, "missing-phone", "phone");

        HttpResponse<String> cancelled = post("/api/v1/bookings/40318275/cancel", "{\"phone\": \"13812345678\"}");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", new JsonObject(cancelled.body()).getString("state"));
        problem(post("/api/v1/bookings/40318275/cancel", "{}"), 400, "missing-phone", "phone");

        HttpResponse<String> moved = post("/api/v1/bookings/40318275/reschedule",
                "{\"phone\": \"13812345678\", \"day\": \"2026-12-02\", \"slot\": \"14:00\"}");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("2026-12-02", new JsonObject(moved.body()).getString("day"));
        assertEquals("14:00", new JsonObject(moved.body()).getString("slot"));
        problem(post("/api/v1/bookings/40318275/reschedule", "{\"phone\": \"13812345678\", \"day\": \"2026-12-02\"}"),
                400, "invalid-slot", "slot");
    }

    @Test
    void aLateCheckInSaysItGotANormalTicketOnBothPaths() throws Exception {
        for (String path : List.of("/api/v1/bookings/11111111/check-in", "/api/v1/appointments/11111111/check-in")) {
            HttpResponse<String> in = post(path, null);
            assertEquals(201, in.statusCode(), in.body());
            JsonObject answer = new JsonObject(in.body());
            assertEquals(true, answer.getBoolean("late"));
            assertEquals("NORMAL", answer.getJsonObject("ticket").getString("priority"));
            assertTrue(answer.getString("message").contains("普通号") && answer.getString("message").contains("normal ticket"));
            assertEquals("CHECKED_IN_LATE", answer.getJsonObject("booking").getString("state"));
            assertEquals(true, answer.getJsonObject("appointment").getBoolean("checkedIn"), "the appointment answer keeps its shape");
        }
        problem(post("/api/v1/bookings/22222222/check-in", null), 404, "unknown-appointment", "code");
    }

    @Test
    void staffListADaysBookingsMasked() throws Exception {
        assertEquals(401, get("/api/v1/admin/bookings?day=2026-12-01").statusCode());
        principal = new HallPrincipal("li", Set.of("clerk"), Optional.empty());
        HttpResponse<String> r = get("/api/v1/admin/bookings?day=2026-12-01");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject list = new JsonObject(r.body());
        assertEquals("138****5678", list.getJsonArray("bookings").getJsonObject(0).getString("phone"));
        assertNull(list.getJsonArray("bookings").getJsonObject(0).getString("idNumber"));
        problem(get("/api/v1/admin/bookings?day=tomorrow"), 400, "invalid-day", "day");
    }
}
