package org.onedoor.web.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.calendar.CalendarAdmin;
import org.onedoor.api.calendar.CalendarYear;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.Holiday;
import org.onedoor.api.calendar.InvalidCalendarFileException;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.MakeUpWorkday;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.calendar.YearOrigin;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.RouteTestServer;

/**
 * The calendar routes on the real Vert.x server, over a stand-in calendar that knows only 2026
 * (the rule itself is tested in the core): parameters, status codes and problem documents.
 */
public class CalendarRoutesTest {

    private static final KnownYear Y2026 = new KnownYear(new CalendarYear(2026, "test",
            List.of(new Holiday(LocalDate.of(2026, 2, 16), "春节"), new Holiday(LocalDate.of(2026, 2, 17), "春节")),
            List.of(new MakeUpWorkday(LocalDate.of(2026, 2, 14), "春节"))), YearOrigin.BUNDLED, "", Optional.empty());

    /** Answers every deadline with {@code from + days} and one skipped holiday; knows 2026 only. */
    private final WorkingDayCalendar calendar = new WorkingDayCalendar() {
        @Override public boolean isWorkingDay(LocalDate date) { return true; }
        @Override public Deadline deadline(LocalDate from, int workingDays) {
            LocalDate date = from.plusDays(workingDays);
            if (date.getYear() != 2026) {
                throw new CalendarYearMissingException(date.getYear());
            }
            return new Deadline(from, workingDays, date, Y2026.calendar().holidays(), List.of(), 1);
        }
        @Override public int workingDaysBetween(LocalDate from, LocalDate to) { return 248; }
        @Override public List<KnownYear> years() { return List.of(Y2026); }
        @Override public Optional<KnownYear> year(int year) { return year == 2026 ? Optional.of(Y2026) : Optional.empty(); }
    };

    private final List<String> loads = new ArrayList<>();

    /** Refuses a file that contains "bad"; records who loaded what. */
    private final CalendarAdmin admin = new CalendarAdmin() {
        @Override public KnownYear load(String content, String source, String actor) {
            throw new UnsupportedOperationException();
        }
        @Override public KnownYear load(int year, String content, String source, String actor) {
            if (content.contains("bad")) {
                throw new InvalidCalendarFileException(source, List.of("line 3, holidays[0].from: \"bad\" is not a date"));
            }
            loads.add(year + " by " + actor);
            return new KnownYear(new CalendarYear(year, "", List.of(), List.of()), YearOrigin.LOADED, actor, Optional.empty());
        }
    };

    private final WebAccess everyoneIsOp1 = roles -> ctx -> {
        ctx.put(WebAccess.USER, "op1");
        ctx.next();
    };

    private RouteTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = RouteTestServer.start(new CalendarRoutes(calendar, admin, everyoneIsOp1));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    private HttpResponse<String> put(String path, String type, String body) throws Exception {
        return server.send(server.request(path).header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonObject problem(HttpResponse<String> r, int status, String code) {
        return RouteTestServer.problem(r, status, code);
    }

    @Test
    void aDeadlineIsAnsweredWithItsDetail() throws Exception {
        HttpResponse<String> r = get("/api/v1/calendar/working-days?from=2026-02-13&days=2");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = new JsonObject(r.body());
        assertEquals("2026-02-13", json.getString("from"));
        assertEquals(2, json.getInteger("days"));
        assertEquals("2026-02-15", json.getString("deadline"));
        assertEquals("SUNDAY", json.getString("deadlineWeekday"));
        assertEquals(2, json.getInteger("calendarDays"));
        JsonObject skipped = json.getJsonArray("holidaysSkipped").getJsonObject(0);
        assertEquals("春节", skipped.getString("name"));
        assertEquals(2, skipped.getInteger("days"));
        assertEquals(1, json.getJsonArray("holidaysSkipped").size());
        assertEquals(2, json.getInteger("holidayDaysSkipped"));
    }

    @Test
    void badParametersAreAnswered400() throws Exception {
        problem(get("/api/v1/calendar/working-days?days=2"), 400, "invalid-date");
        problem(get("/api/v1/calendar/working-days?from=2026-02-30&days=2"), 400, "invalid-date");
        problem(get("/api/v1/calendar/working-days?from=13.02.2026&days=2"), 400, "invalid-date");
        problem(get("/api/v1/calendar/working-days?from=2026-02-13"), 400, "invalid-days");
        problem(get("/api/v1/calendar/working-days?from=2026-02-13&days=-1"), 400, "invalid-days");
        problem(get("/api/v1/calendar/working-days?from=2026-02-13&days=366"), 400, "invalid-days");
        problem(get("/api/v1/calendar/working-days?from=2026-02-13&days=two"), 400, "invalid-days");
        problem(get("/api/v1/calendar/years/twenty"), 400, "invalid-year");
        assertEquals(200, get("/api/v1/calendar/working-days?from=2026-02-13&days=0").statusCode());
        assertEquals(200, get("/api/v1/calendar/working-days?from=2025-12-31&days=365").statusCode());
    }

    @Test
    void anUnknownYearIsAnswered422NamingIt() throws Exception {
        JsonObject doc = problem(get("/api/v1/calendar/working-days?from=2026-12-30&days=5"), 422, "calendar-year-missing");
        assertTrue(doc.getString("detail").contains("no year 2027"), doc.getString("detail"));
        assertTrue(doc.getString("detail").contains("PUT /api/v1/calendar/years/2027"), doc.getString("detail"));
        JsonObject notFound = problem(get("/api/v1/calendar/years/2030"), 404, "unknown-calendar-year");
        assertTrue(notFound.getString("detail").contains("no year 2030"));
    }

    @Test
    void yearsAreListedAndShown() throws Exception {
        JsonObject list = new JsonObject(get("/api/v1/calendar/years").body());
        assertEquals(1, list.getInteger("count"));
        assertEquals("BUNDLED", list.getJsonArray("years").getJsonObject(0).getString("origin"));
        JsonObject year = new JsonObject(get("/api/v1/calendar/years/2026").body());
        assertEquals(248, year.getInteger("workingDays"));
        assertEquals("2026-02-16", year.getJsonArray("holidays").getJsonObject(0).getString("from"));
        assertEquals("2026-02-17", year.getJsonArray("holidays").getJsonObject(0).getString("to"));
        assertEquals("SATURDAY", year.getJsonArray("makeUpWorkdays").getJsonObject(0).getString("weekday"));
    }

    @Test
    void aYearFileIsLoadedWithPutAndAnInvalidOneRefused400() throws Exception {
        HttpResponse<String> ok = put("/api/v1/calendar/years/2027", "application/json", "{\"year\": 2027}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("LOADED", new JsonObject(ok.body()).getString("origin"));
        assertEquals(List.of("2027 by op1"), loads);

        JsonObject bad = problem(put("/api/v1/calendar/years/2027", "application/json", "{\"bad\": 1}"), 400, "invalid-calendar-file");
        assertTrue(bad.getString("detail").contains("line 3, holidays[0].from"), bad.getString("detail"));
        problem(put("/api/v1/calendar/years/2027", "text/plain", "{}"), 415, "unsupported-media-type");
        problem(put("/api/v1/calendar/years/27", "application/json", "{}"), 400, "invalid-year");
        assertEquals(List.of("2027 by op1"), loads);
    }
}
