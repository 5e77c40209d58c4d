package org.onedoor.web.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.annotation.Annotation;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.queue.Appointment;
import org.onedoor.api.queue.AppointmentBook;
import org.onedoor.api.queue.AppointmentRequest;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.web.internal.RouteTestServer;

/**
 * The appointment routes on the real Vert.x server over a stand-in book (the book's rules are
 * tested in the core): request parsing, answers, refusals as problems, and the per-address limit.
 */
public class AppointmentRoutesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final List<AppointmentRequest> booked = new ArrayList<>();

    /** Books anything but the 16:00 slot (full); checks in 11111111 (replayed the second time), knows no other code. */
    private final AppointmentBook book = new AppointmentBook() {
        private int checkIns;

        @Override
        public Appointment book(AppointmentRequest r) {
            if (r.slot().equals(LocalTime.of(16, 0))) {
                throw new QueueException(QueueException.Reason.CONFLICT, "slot-full", "the 16:00 slot is fully booked");
            }
            booked.add(r);
            return new Appointment("40318275", r.zoneId(), r.matterCode(), r.day(), r.slot(), Instant.parse("2026-11-27T02:00:00Z"),
                    Optional.empty(), "");
        }

        @Override
        public List<AppointmentSlot> slots(String zoneId, LocalDate day) {
            return List.of(new AppointmentSlot(LocalTime.of(9, 0), 4, 4), new AppointmentSlot(LocalTime.of(9, 30), 4, 1));
        }

        @Override
        public CheckedIn checkIn(String code) {
            if (!code.equals("11111111")) {
                throw new QueueException(QueueException.Reason.NOT_FOUND, "unknown-appointment", "no appointment has the code " + code);
            }
            Ticket t = new Ticket("t-1", "G007", "police", "police", DAY, TicketPriority.APPOINTMENT, "", code, "", "",
                    TicketStatus.WAITING, 0, 0, 0, Instant.parse("2026-12-01T01:00:00Z"), Optional.empty(), Optional.empty(),
                    Optional.empty());
            Appointment a = new Appointment(code, "police", "", DAY, LocalTime.of(9, 0), Instant.parse("2026-11-27T02:00:00Z"),
                    Optional.of(Instant.parse("2026-12-01T01:00:00Z")), "t-1");
            return new CheckedIn(a, new IssuedTicket(t, new WaitingInfo(1, 0), checkIns++ > 0));
        }
    };

    private RouteTestServer server;

    @BeforeEach
    void start() throws Exception {
        // the hall's clock at 09:20 on 2026-12-01: the 09:00 slot of that day began, the 09:30 one not yet
        HallClock clock = HallClock.of(java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T01:20:00Z"),
                java.time.ZoneId.of("Asia/Shanghai")));
        server = RouteTestServer.start(new AppointmentRoutes(book, clock, new AppointmentLimitConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AppointmentLimitConfig.class; }
            @Override public int appointmentBurst() { return 6; }
            @Override public int appointmentsPerMinute() { return 1; }
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return server.post(path, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    private static void problem(HttpResponse<String> r, int status, String code) {
        RouteTestServer.problem(r, status, code);
    }

    @Test
    void aBookingIsParsedAndAnsweredWithItsCode() throws Exception {
        HttpResponse<String> r = post("/api/v1/appointments", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"09:30\", \"matter\": \"A17-001\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("/api/v1/appointments/40318275", r.headers().firstValue("Location").orElse(""));
        JsonObject a = new JsonObject(r.body());
        assertEquals("40318275", a.getString("code"));
        assertEquals("2026-12-01", a.getString("day"));
        assertEquals("09:30", a.getString("slot"));
        assertEquals(false, a.getBoolean("checkedIn"));
        assertEquals(new AppointmentRequest("police", "A17-001", DAY, LocalTime.of(9, 30), ""), booked.get(0));

        problem(post("/api/v1/appointments", "{\"day\": \"2026-12-01\", \"slot\": \"09:30\"}"), 400, "missing-zone");
        problem(post("/api/v1/appointments", "{\"zone\": \"police\", \"day\": \"1.12.2026\", \"slot\": \"09:30\"}"), 400, "invalid-day");
        problem(post("/api/v1/appointments", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"9 Uhr\"}"), 400, "invalid-slot");
        problem(post("/api/v1/appointments", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"16:00\"}"), 409, "slot-full");
        assertEquals(1, booked.size());
    }

    @Test
    void slots() throws Exception {
        JsonObject slots = new JsonObject(get("/api/v1/appointments/slots?zone=police&day=2026-12-01").body());
        assertEquals(false, slots.getJsonArray("slots").getJsonObject(0).getBoolean("free"));
        assertEquals("09:30", slots.getJsonArray("slots").getJsonObject(1).getString("start"));
        assertEquals(true, slots.getJsonArray("slots").getJsonObject(0).getBoolean("passed"), "began 20 minutes ago by the hall's clock");
        assertEquals(false, slots.getJsonArray("slots").getJsonObject(1).getBoolean("passed"));
        problem(get("/api/v1/appointments/slots?day=2026-12-01"), 400, "missing-zone");
        // check-in (POST /api/v1/appointments/{code}/check-in) is BookingRoutes' own, with the window: BookingRoutesTest
    }

    @Test
    void oneAddressBooksOnlySoOften() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertEquals(409, post("/api/v1/appointments", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"16:00\"}").statusCode());
        }
        HttpResponse<String> refused = post("/api/v1/appointments", "{\"zone\": \"police\", \"day\": \"2026-12-01\", \"slot\": \"09:30\"}");
        problem(refused, 429, "rate-limited");
        assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertEquals(200, get("/api/v1/appointments/slots?zone=police&day=2026-12-01").statusCode(), "reading slots is not limited here");
    }
}
