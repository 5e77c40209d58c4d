package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Boots the real distribution and checks the working-day calendar as an operator and a citizen
 * use it: deadlines across Spring Festival 2026 over HTTP, bad input refused, next year's file
 * loaded over HTTP and from the console, and invalid files refused with nothing loaded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CalendarIT extends HallNodeTestSupport {

    /** A year file for 2027 written for the test (not an official arrangement). */
    static final String YEAR_2027 = """
            {
              "year": 2027,
              "notice": "test arrangement",
              "holidays": [
                {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
                {"name": "春节", "from": "2027-02-05", "to": "2027-02-12"}
              ],
              "makeUpWorkdays": [
                {"date": "2027-02-13", "holiday": "春节"}
              ]
            }
            """;

    @Inject
    private SessionFactory sessions;

    @Before
    public void awaitNode() throws Exception {
        Path cfg = Paths.get(System.getProperty("karaf.etc"), "org.onedoor.web.cfg");
        Matcher m = Pattern.compile("(?m)^port\\s*=\\s*(\\d+)").matcher(Files.readString(cfg));
        assertTrue("port in " + cfg, m.find());
        http = new Http(Integer.parseInt(m.group(1)));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.get("/api/v1/calendar/years").statusCode() == 200
                        && http.getAs("/api/v1/auth/me", HallNodeIT.OPERATOR, HallNodeIT.OPERATOR_PW).statusCode() == 200
                        && http.getAs("/api/v1/auth/me", HallNodeIT.VIEWER, HallNodeIT.VIEWER_PW).statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // the server is still starting
            }
            Thread.sleep(250);
        }
        fail("the calendar API did not answer, or its users could not sign in, within 60 s");
    }

    @Test
    public void deadlinesAcrossSpringFestival2026() throws Exception {
        HttpResponse<String> one = http.get("/api/v1/calendar/working-days?from=2026-02-13&days=1");
        assertEquals(one.body(), 200, one.statusCode());
        assertTrue(one.body(), one.body().contains("\"deadline\":\"2026-02-14\""));
        assertTrue(one.body(), one.body().contains("\"makeUpWorkdaysCounted\":[{\"date\":\"2026-02-14\""));

        String two = http.get("/api/v1/calendar/working-days?from=2026-02-13&days=2").body();
        assertTrue(two, two.contains("\"deadline\":\"2026-02-24\""));
        assertTrue(two, two.contains("{\"name\":\"春节\",\"from\":\"2026-02-15\",\"to\":\"2026-02-23\",\"days\":9}"));

        String nationalDay = http.get("/api/v1/calendar/working-days?from=2026-09-30&days=3").body();
        assertTrue(nationalDay, nationalDay.contains("\"deadline\":\"2026-10-10\""));

        String years = http.get("/api/v1/calendar/years").body();
        assertTrue(years, years.contains("\"year\":2025,\"origin\":\"BUNDLED\""));
        assertTrue(years, years.contains("\"year\":2026,\"origin\":\"BUNDLED\""));
        String y2026 = http.get("/api/v1/calendar/years/2026").body();
        assertTrue(y2026, y2026.contains("\"workingDays\":248"));
    }

    @Test
    public void badInputIsRefusedWith400AndAnUnknownYearWith422() throws Exception {
        assertProblem(http.get("/api/v1/calendar/working-days?days=2"), 400, "invalid-date");
        assertProblem(http.get("/api/v1/calendar/working-days?from=2026-02-30&days=2"), 400, "invalid-date");
        assertProblem(http.get("/api/v1/calendar/working-days?from=2026-02-13&days=366"), 400, "invalid-days");
        assertProblem(http.get("/api/v1/calendar/working-days?from=2026-02-13&days=x"), 400, "invalid-days");
        HttpResponse<String> missing = http.get("/api/v1/calendar/working-days?from=2031-03-02&days=1");
        assertProblem(missing, 422, "calendar-year-missing");
        assertTrue(missing.body(), missing.body().contains("no year 2031"));
        assertProblem(http.get("/api/v1/calendar/years/2031"), 404, "unknown-calendar-year");
    }

    @Test
    public void anOperatorLoadsNextYearOverHttpAndItsDeadlinesAreAnswered() throws Exception {
        assertProblem(http.get("/api/v1/calendar/working-days?from=2027-02-04&days=1"), 422, "calendar-year-missing");
        assertEquals(401, http.putJson("/api/v1/calendar/years/2027", YEAR_2027, null, null).statusCode());
        assertProblem(http.putJson("/api/v1/calendar/years/2027", YEAR_2027, HallNodeIT.VIEWER, HallNodeIT.VIEWER_PW), 403, "forbidden");

        HttpResponse<String> loaded = http.putJson("/api/v1/calendar/years/2027", YEAR_2027, HallNodeIT.OPERATOR, HallNodeIT.OPERATOR_PW);
        assertEquals(loaded.body(), 200, loaded.statusCode());
        assertTrue(loaded.body(), loaded.body().contains("\"origin\":\"LOADED\""));
        assertTrue(loaded.body(), loaded.body().contains("\"loadedBy\":\"" + HallNodeIT.OPERATOR + "\""));

        String deadline = http.get("/api/v1/calendar/working-days?from=2027-02-04&days=1").body();
        assertTrue(deadline, deadline.contains("\"deadline\":\"2027-02-13\""));
        String across = http.get("/api/v1/calendar/working-days?from=2026-12-31&days=1").body();
        assertTrue(across, across.contains("\"deadline\":\"2027-01-04\""));
        assertTrue(http.get("/api/v1/calendar/years").body().contains("\"year\":2027,\"origin\":\"LOADED\""));
    }

    @Test
    public void anInvalidFileIsRefusedAndNothingOfItIsLoaded() throws Exception {
        String weekdayMakeUp = YEAR_2027.replace("2027", "2028").replace("\"date\": \"2028-02-13\"", "\"date\": \"2028-02-14\"");
        HttpResponse<String> refused = http.putJson("/api/v1/calendar/years/2028", weekdayMakeUp, HallNodeIT.OPERATOR, HallNodeIT.OPERATOR_PW);
        assertProblem(refused, 400, "invalid-calendar-file");
        assertTrue(refused.body(), refused.body().contains(
                "line 9, makeUpWorkdays[0].date: 2028-02-14 is a Monday; a make-up working day must be a Saturday or Sunday"));

        HttpResponse<String> otherYear = http.putJson("/api/v1/calendar/years/2028", YEAR_2027, HallNodeIT.OPERATOR, HallNodeIT.OPERATOR_PW);
        assertProblem(otherYear, 400, "invalid-calendar-file");
        assertTrue(otherYear.body(), otherYear.body().contains("declares the year 2027 but is loaded as the year 2028"));

        assertProblem(http.putJson("/api/v1/calendar/years/2028", "{\"year\": 2028,", HallNodeIT.OPERATOR, HallNodeIT.OPERATOR_PW),
                400, "invalid-calendar-file");
        assertProblem(http.get("/api/v1/calendar/years/2028"), 404, "unknown-calendar-year");
        assertProblem(http.get("/api/v1/calendar/working-days?from=2028-03-01&days=1"), 422, "calendar-year-missing");
    }

    @Test
    public void consoleShowsTheCalendarAndLoadsAYearFile() throws Exception {
        String deadline = shell("onedoor:working-days 2026-02-13 2", "viewer");
        assertTrue(deadline, deadline.contains("2026-02-13 (Friday) + 2 working days = 2026-02-24 (Tuesday)"));
        assertTrue(deadline, deadline.contains("holiday skipped: 春节 2026-02-15 to 2026-02-23 (9 days)"));
        assertTrue(shell("onedoor:calendar 2026", "viewer").contains("2026-10-10 (Saturday)"));

        Path file = Files.createTempFile("calendar-2029", ".json");
        Path bad = Files.createTempFile("calendar-2030", ".json");
        try {
            Files.writeString(file, YEAR_2027.replace("2027", "2029").replace("2029-02-13", "2029-02-17"), StandardCharsets.UTF_8);
            try {
                shell("onedoor:calendar-load " + file, "viewer");
                fail("a viewer must not load calendar years");
            } catch (Exception e) {
                assertTrue(e.toString(), e.toString().contains("Insufficient credentials") || e.toString().contains("not found"));
            }
            String loaded = shell("onedoor:calendar-load " + file, "operator", "viewer");
            assertTrue(loaded, loaded.contains("Calendar year 2029 loaded"));
            assertTrue(shell("onedoor:calendar", "viewer").contains("2029"));

            Files.writeString(bad, YEAR_2027.replace("2027", "2030").replace("\"from\": \"2030-02-05\"", "\"from\": \"2030-02-30\""),
                    StandardCharsets.UTF_8);
            try {
                shell("onedoor:calendar-load " + bad, "operator", "viewer");
                fail("an invalid file must be refused");
            } catch (Exception e) {
                assertTrue(e.getMessage(), e.getMessage().contains("was refused; nothing was loaded. Fix:"));
                assertTrue(e.getMessage(), e.getMessage().contains("line 6, holidays[1].from: \"2030-02-30\" is not a date"));
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(bad);
        }
        assertProblem(http.get("/api/v1/calendar/years/2030"), 404, "unknown-calendar-year");
    }

    /** Runs a console command as a user holding the given roles (the console's command ACLs apply). */
    private String shell(String command, String... roles) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("it-user"));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        Session session = sessions.create(new java.io.ByteArrayInputStream(new byte[0]), out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
