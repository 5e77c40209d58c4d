package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Before;
import org.onedoor.api.hall.HallClock;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Bookings of a person on the real node over HTTP (issue 18): booked, looked up, rescheduled,
 * checked in on time and late, cancelled; the limits and problems naming the field; the staff's
 * list masked. The node takes a slot every half hour around the clock, and the hall's clock is set to
 * 10:05 of today ({@code org.onedoor.hall setTo}): the next slot (10:30) is today's and the one before
 * (09:30) began 35 minutes ago, whatever the hour the test runs at.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BookingsIT {

    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final String ZONE = "enterprise";

    private Http http;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private HallClock clock;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws Exception {
        List<String> slots = new ArrayList<>();
        for (int m = 0; m < 24 * 60; m += 30) {
            slots.add(LocalTime.of(m / 60, m % 60).toString());
        }
        return OptionUtils.combine(HallNodeOptions.node(),
                editConfigurationFilePut("etc/org.onedoor.appointments.cfg", "slots", String.join(",", slots)),
                editConfigurationFilePut("etc/org.onedoor.appointments.cfg", "workingDaysOnly", "false"),
                // the next slot is at most 30 minutes away: its window is open now
                editConfigurationFilePut("etc/org.onedoor.bookings.cfg", "checkInBeforeMinutes", "45"),
                editConfigurationFilePut("etc/org.onedoor.web.cfg", "appointmentBurst", "200"),
                // the 365 holiday service serves 2 October 2026 (National Day) with the provident fund's A26
                editConfigurationFilePut("etc/org.onedoor.holidays.cfg", "days", "2026-10-02|provident-fund|A26|"));
    }

    @Before
    public void awaitNode() throws Exception {
        http = new Http(HallNodeOptions.webPort());
        setHallClock();
        await("the bookings answer", () -> {
            try {
                return http.get("/api/v1/bookings/12345678?phone=13800000000").statusCode() == 404
                        && http.get("/api/v1/zones").body().contains("\"" + ZONE + "\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Sets the hall's clock (once for the class) to 10:05 of the hall's today, and waits until the node reads it. */
    private void setHallClock() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(clock.clock());
        if (now.toLocalDate().equals(LocalDate.now(HALL)) && now.toLocalTime().isAfter(LocalTime.of(10, 4))
                && now.toLocalTime().isBefore(LocalTime.of(10, 20))) {
            return;
        }
        setHallClock(LocalDate.now(HALL));
    }

    /** Sets the hall's clock to 10:05 of a day and waits until the node reads it. */
    private void setHallClock(LocalDate day) throws Exception {
        HallNodeOptions.setHallClock(configurationAdmin, clock, day + "T10:05",
                t -> t.toLocalDate().equals(day) && t.toLocalTime().isAfter(LocalTime.of(10, 4)) && t.toLocalTime().isBefore(LocalTime.of(10, 20)));
    }

    @Test
    public void aHolidayIsBookedForALivelihoodMatterThreeWorkingDaysBeforeNotTwo() throws Exception {
        String body = "{\"matter\": \"A26-003\", \"day\": \"2026-10-02\", \"slot\": \"09:00\", \"phone\": \"13811110301\"}";
        try {
            await("the provident fund's matters are offered", () -> http.get("/api/v1/matters/A26-003").statusCode() == 200);
            JsonObject roster = new JsonObject(http.get("/api/v1/holidays/roster").body());
            assertEquals(3, (int) roster.getInteger("minWorkingDaysBefore"));
            assertEquals("国庆节", roster.getJsonArray("days").getJsonObject(0).getString("holiday"));
            assertTrue(http.get("/api/v1/matters/A26-003").body().contains("\"livelihood\":true"));

            setHallClock(LocalDate.of(2026, 9, 28)); // Monday: 29 and 30 September are left
            HttpResponse<String> late = http.postJson("/api/v1/bookings", body);
            problem(late, 409, "holiday-too-late", "day");
            assertTrue(late.body(), late.body().contains("R14"));
            problem(http.postJson("/api/v1/bookings", body.replace("A26-003", "A26-007")), 409, "holiday-livelihood-only", "matter");

            setHallClock(LocalDate.of(2026, 9, 25)); // Friday: 28, 29 and 30 September
            JsonObject b = created(http.postJson("/api/v1/bookings", body));
            assertEquals("2026-10-02", b.getString("day"));
            assertEquals("OPEN", b.getString("state"));
            problem(http.postJson("/api/v1/bookings", body.replace("2026-10-02", "2026-10-03")), 409, "holiday-not-served", "day");
        } finally {
            setHallClock(LocalDate.now(HALL));
        }
    }

    /** The hall's today. */
    private LocalDate today() {
        return LocalDate.now(clock.clock());
    }

    /** The first slot start after now (a half hour). */
    private ZonedDateTime nextSlot() {
        ZonedDateTime now = ZonedDateTime.now(clock.clock()).withSecond(0).withNano(0);
        ZonedDateTime t = now.withMinute(now.getMinute() < 30 ? 30 : 0);
        return now.getMinute() < 30 ? t : t.plusHours(1);
    }

    private HttpResponse<String> book(String phone, LocalDate day, LocalTime slot) throws Exception {
        return http.postJson("/api/v1/bookings", "{\"zone\": \"" + ZONE + "\", \"day\": \"" + day + "\", \"slot\": \"" + slot
                + "\", \"phone\": \"" + phone + "\", \"idNumber\": \"110101199003071234\"}");
    }

    private static JsonObject created(HttpResponse<String> r) {
        assertEquals(r.body(), 201, r.statusCode());
        return new JsonObject(r.body());
    }

    private static void problem(HttpResponse<String> r, int status, String code, String field) {
        assertEquals(r.body(), status, r.statusCode());
        JsonObject p = new JsonObject(r.body());
        assertEquals(r.body(), code, p.getString("code"));
        if (field != null) {
            assertEquals(r.body(), field, p.getString("field"));
        }
    }

    @Test
    public void aBookingIsMadeLookedUpRescheduledAndCheckedInOnTime() throws Exception {
        ZonedDateTime next = nextSlot();
        LocalDate tomorrow = today().plusDays(1);
        JsonObject b = created(book("13811110001", tomorrow, LocalTime.of(10, 0)));
        String code = b.getString("code");
        assertEquals("138****0001", b.getString("phone"));
        assertEquals("110***********1234", b.getString("idNumber"));
        assertEquals("OPEN", b.getString("state"));
        assertFalse(b.encode(), b.encode().contains("13811110001"));

        assertEquals("OPEN", new JsonObject(http.get("/api/v1/bookings/" + code + "?phone=13811110001").body()).getString("state"));
        problem(http.get("/api/v1/bookings/" + code + "?phone=13811110002"), 404, "unknown-booking", "code");

        // the confirmation waits in the outbox (no SMS centre on this node), masked in the staff's view
        await("the confirmation is in the outbox", () -> http.getAs("/api/v1/admin/notifications", HallNodeOptions.OPERATOR,
                HallNodeOptions.OPERATOR_PW).body().contains("booking:" + code + ":confirmed"));

        HttpResponse<String> moved = http.postJson("/api/v1/bookings/" + code + "/reschedule",
                "{\"phone\": \"13811110001\", \"day\": \"" + next.toLocalDate() + "\", \"slot\": \"" + next.toLocalTime() + "\"}");
        assertEquals(moved.body(), 200, moved.statusCode());
        assertEquals(next.toLocalTime().toString(), new JsonObject(moved.body()).getString("slot"));

        String staff = http.getAs("/api/v1/admin/bookings?day=" + next.toLocalDate(), HallNodeOptions.OPERATOR, HallNodeOptions.OPERATOR_PW).body();
        assertTrue(staff, staff.contains(code) && staff.contains("138****0001") && !staff.contains("13811110001"));
        assertEquals(401, http.get("/api/v1/admin/bookings").statusCode());

        assertEquals("the hall's clock is at 10:05: the next slot is today's", today(), next.toLocalDate());
        HttpResponse<String> in = http.postJson("/api/v1/bookings/" + code + "/check-in", "{}");
        JsonObject answer = created(in);
        assertEquals(false, answer.getBoolean("late"));
        assertEquals("APPOINTMENT", answer.getJsonObject("ticket").getString("priority"));
        assertEquals("CHECKED_IN", answer.getJsonObject("booking").getString("state"));
        problem(http.postJson("/api/v1/bookings/" + code + "/check-in", "{}"), 409, "appointment-used", null);
        problem(http.postJson("/api/v1/bookings/" + code + "/cancel", "{\"phone\": \"13811110001\"}"), 409, "booking-closed", null);
    }

    @Test
    public void aLateCheckInGetsANormalTicketAndSaysSo() throws Exception {
        ZonedDateTime past = nextSlot().minusHours(1); // started 30 to 60 minutes ago: its window (15 minutes after) is closed
        assertEquals("the hall's clock is at 10:05: the slot an hour back is today's", today(), past.toLocalDate());
        problem(book("13811110003", past.toLocalDate(), past.toLocalTime()), 400, "invalid-slot", "slot");
        // an anonymous appointment of the older API may name a slot that began; its check-in keeps the window
        HttpResponse<String> r = http.postJson("/api/v1/appointments", "{\"zone\": \"" + ZONE + "\", \"day\": \"" + past.toLocalDate()
                + "\", \"slot\": \"" + past.toLocalTime() + "\"}");
        String code = created(r).getString("code");
        JsonObject answer = created(http.postJson("/api/v1/appointments/" + code + "/check-in", "{}"));
        assertEquals(true, answer.getBoolean("late"));
        assertEquals("NORMAL", answer.getJsonObject("ticket").getString("priority"));
        assertTrue(answer.getString("message"), answer.getString("message").contains("普通号"));
        assertEquals("CHECKED_IN_LATE", answer.getJsonObject("booking").getString("state"));
    }

    @Test
    public void aBookingIsCancelledAndANumberHoldsAtMostThree() throws Exception {
        LocalDate day = today().plusDays(2);
        String phone = "13811110004";
        String first = created(book(phone, day, LocalTime.of(9, 0))).getString("code");
        created(book(phone, day, LocalTime.of(9, 30)));
        created(book(phone, day, LocalTime.of(10, 0)));
        problem(book(phone, day, LocalTime.of(10, 30)), 409, "too-many-bookings", "phone");

        problem(http.postJson("/api/v1/bookings/" + first + "/cancel", "{\"phone\": \"13900000000\"}"), 404, "unknown-booking", "code");
        HttpResponse<String> cancelled = http.postJson("/api/v1/bookings/" + first + "/cancel", "{\"phone\": \"" + phone + "\"}");
        assertEquals(cancelled.body(), 200, cancelled.statusCode());
        assertEquals("CANCELLED", new JsonObject(cancelled.body()).getString("state"));
        problem(http.postJson("/api/v1/bookings/" + first + "/check-in", "{}"), 409, "booking-closed", null);
        created(book(phone, day, LocalTime.of(10, 30)));
    }

    @Test
    public void badFieldsAreProblemsNamingTheField() throws Exception {
        LocalDate day = today().plusDays(3);
        problem(book("12345", day, LocalTime.of(9, 0)), 400, "invalid-phone", "phone");
        problem(http.postJson("/api/v1/bookings", "{\"zone\": \"" + ZONE + "\", \"day\": \"" + day
                + "\", \"slot\": \"09:00\", \"phone\": \"13811110005\", \"idNumber\": \"1234\"}"), 400, "invalid-id-number", "idNumber");
        problem(book("13811110005", day, LocalTime.of(9, 15)), 400, "invalid-slot", "slot");
        problem(book("13811110005", day.plusDays(30), LocalTime.of(9, 0)), 400, "invalid-day", "day");
        problem(http.postJson("/api/v1/bookings", "{\"zone\": \"nowhere\", \"day\": \"" + day
                + "\", \"slot\": \"09:00\", \"phone\": \"13811110005\"}"), 404, "unknown-zone", "zone");
        for (int i = 0; i < 4; i++) {
            created(book("1381111010" + i, day, LocalTime.of(11, 0)));
        }
        problem(book("13811110109", day, LocalTime.of(11, 0)), 409, "slot-full", "slot");
    }
}
