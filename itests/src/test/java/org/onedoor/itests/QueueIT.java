package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Tickets, windows and the event stream on the real node, over HTTP and the console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class QueueIT extends HallNodeTestSupport {

    static final String OP = HallNodeOptions.OPERATOR;
    static final String PW = HallNodeOptions.OPERATOR_PW;

    @Inject
    private SessionFactory sessions;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Before
    public void awaitNode() throws Exception {
        await("the zones are open", () -> {
            try {
                return http.get("/api/v1/zones").body().contains("\"count\":11");
            } catch (Exception e) {
                return false;
            }
        });
    }

    private JsonObject issue(String body) throws Exception {
        HttpResponse<String> r = http.postJson("/api/v1/tickets", body);
        assertEquals(r.body(), 201, r.statusCode());
        return new JsonObject(r.body());
    }

    @Test
    public void aTicketIsCalledToAWindowAndTheCallIsStreamed() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> stream = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/queue/events?zone=enterprise")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.get().body().forEach(lines::add);
            } catch (Exception e) {
                lines.add("ERROR " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        await("the stream is open", () -> lines.contains(": connected"));

        JsonObject ticket = issue("{\"zone\": \"enterprise\", \"category\": \"企业开办\"}");
        assertTrue(ticket.getString("number").startsWith("J"));
        assertEquals(1, (int) ticket.getInteger("position"));

        assertEquals(200, http.postJsonAs("/api/v1/windows/153/sign-in", "{}", OP, PW).statusCode());
        HttpResponse<String> called = http.postJsonAs("/api/v1/windows/153/call-next", "{}", OP, PW);
        assertEquals(called.body(), 200, called.statusCode());
        assertEquals(ticket.getString("number"), new JsonObject(called.body()).getJsonObject("ticket").getString("number"));

        await("the call is on the stream", () -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"type\":\"CALLED\"")
                && l.contains(ticket.getString("number")) && l.contains("号窗口办理")));
        assertTrue(lines.stream().anyMatch(l -> l.equals("event: CALLED")));

        JsonObject status = new JsonObject(http.get("/api/v1/tickets/" + ticket.getString("id")).body());
        assertEquals("CALLED", status.getString("status"));
        assertEquals(153, (int) status.getInteger("window"));
        JsonObject snapshot = new JsonObject(http.get("/api/v1/queue/snapshot?zone=enterprise").body());
        assertTrue(snapshot.getLong("seq") > 0);
        assertTrue(snapshot.encode().contains(ticket.getString("number")));

        assertEquals(200, http.postJsonAs("/api/v1/windows/153/start", "{}", OP, PW).statusCode());
        assertEquals("DONE", new JsonObject(http.postJsonAs("/api/v1/windows/153/complete", "{}", OP, PW).body()).getString("status"));
        stream.cancel(true);
    }

    @Test
    public void aCitizenAsksForATextMessageAndTheCallIsWrittenToTheOutbox() throws Exception {
        JsonObject ticket = issue("{\"zone\": \"social-affairs\"}");
        String id = ticket.getString("id");
        HttpResponse<String> asked = http.postJson("/api/v1/tickets/" + id + "/notifications", "{\"phone\": \"138 1234 5678\"}");
        assertEquals(asked.body(), 201, asked.statusCode());
        assertEquals("138****5678", new JsonObject(asked.body()).getString("phone"));
        assertProblem(http.postJson("/api/v1/tickets/" + id + "/notifications", "{\"phone\": \"12345\"}"), 400, "invalid-phone");
        assertTrue(http.postJson("/api/v1/tickets/" + id + "/notifications", "{\"phone\": \"12345\"}").body().contains("\"field\":\"phone\""));
        assertProblem(http.postJson("/api/v1/tickets/" + id + "/notifications", "{\"phone\": \"13812345678\", \"language\": \"fr\"}"),
                400, "invalid-language");
        assertProblem(http.postJson("/api/v1/tickets/no-such-ticket/notifications", "{\"phone\": \"13812345678\"}"), 404, "unknown-ticket");

        assertEquals(200, http.postJsonAs("/api/v1/windows/177/sign-in", "{}", OP, PW).statusCode());
        assertEquals(200, http.postJsonAs("/api/v1/windows/177/call-next", "{}", OP, PW).statusCode());
        // no SMS centre is configured on this node: the message waits in the outbox, written once for the call
        await("the call's message is in the outbox", () -> http.getAs("/api/v1/admin/notifications", OP, PW).body()
                .contains("ticket:" + id + ":called"));
        String outbox = http.getAs("/api/v1/admin/notifications?state=QUEUED", OP, PW).body();
        assertTrue(outbox, outbox.contains("138****5678") && !outbox.contains("13812345678"));
        assertEquals(401, http.get("/api/v1/admin/notifications").statusCode());
        assertEquals(403, http.getAs("/api/v1/admin/notifications", HallNodeOptions.VIEWER, HallNodeOptions.VIEWER_PW).statusCode());
        assertProblem(http.getAs("/api/v1/admin/notifications?state=LOST", OP, PW), 400, "invalid-state");

        assertEquals(200, http.postJsonAs("/api/v1/windows/177/complete", "{}", OP, PW).statusCode());

        // after an opt-out the number's next message is written as not sent, with the reason
        HttpResponse<String> out = http.postJson("/api/v1/notifications/opt-out", "{\"phone\": \"13812345678\"}");
        assertEquals(out.body(), 200, out.statusCode());
        String second = issue("{\"zone\": \"social-affairs\"}").getString("id");
        assertEquals(201, http.postJson("/api/v1/tickets/" + second + "/notifications", "{\"phone\": \"13812345678\"}").statusCode());
        assertEquals(200, http.postJsonAs("/api/v1/windows/177/call-next", "{}", OP, PW).statusCode());
        await("the second call's message is written as not sent", () -> {
            JsonObject row = new JsonObject(http.getAs("/api/v1/admin/notifications", OP, PW).body()).getJsonArray("notifications")
                    .stream().map(JsonObject.class::cast).filter(n -> n.getString("eventKey").equals("ticket:" + second + ":called"))
                    .findFirst().orElse(null);
            return row != null && "FAILED".equals(row.getString("state"));
        });
        assertEquals(200, http.postJsonAs("/api/v1/windows/177/complete", "{}", OP, PW).statusCode());
    }

    @Test
    public void retriesWithTheSameKeyGetTheSameTicket() throws Exception {
        HttpResponse<String> first = http.send("/api/v1/tickets", "{\"zone\": \"tax\"}", "kiosk-7:0001");
        HttpResponse<String> again = http.send("/api/v1/tickets", "{\"zone\": \"tax\"}", "kiosk-7:0001");
        assertEquals(201, first.statusCode());
        assertEquals(200, again.statusCode());
        assertEquals(new JsonObject(first.body()).getString("number"), new JsonObject(again.body()).getString("number"));
        HttpResponse<String> other = http.send("/api/v1/tickets", "{\"zone\": \"tax\"}", "kiosk-7:0002");
        assertNotEquals(new JsonObject(first.body()).getString("number"), new JsonObject(other.body()).getString("number"));
    }

    @Test
    public void badTicketRequestsAndClosedZonesAreRefused() throws Exception {
        assertProblem(http.postJson("/api/v1/tickets", "{}"), 400, "missing-zone");
        assertProblem(http.postJson("/api/v1/tickets", "{\"zone\": \"atlantis\"}"), 404, "unknown-zone");
        assertProblem(http.postJson("/api/v1/tickets", "{\"zone\": \"tax\", \"priority\": \"VIP\"}"), 400, "invalid-priority");
        assertProblem(http.postJson("/api/v1/tickets", "{\"zone\": \"tax\", \"priority\": \"GREEN\", \"greenReason\": \"FRIEND\"}"),
                400, "invalid-green-reason");
        assertProblem(http.postJson("/api/v1/tickets", "{\"zone\": \"tax\", \"matter\": \"A17-999\"}"), 400, "unknown-matter");
        assertProblem(http.postJsonAs("/api/v1/windows/999/sign-in", "{}", OP, PW), 404, "unknown-window");
        assertProblem(http.postJsonAs("/api/v1/windows/100/call-next", "{}", OP, PW), 409, "window-not-signed-in");
        assertEquals(401, http.postJson("/api/v1/windows/100/sign-in", "{}").statusCode());

        assertEquals(200, http.post("/api/v1/zones/medical-insurance/disable", OP, PW).statusCode());
        try {
            assertProblem(http.postJson("/api/v1/tickets", "{\"zone\": \"medical-insurance\"}"), 409, "zone-closed");
        } finally {
            assertEquals(200, http.post("/api/v1/zones/medical-insurance/enable", OP, PW).statusCode());
        }
        assertEquals(201, http.postJson("/api/v1/tickets", "{\"zone\": \"medical-insurance\"}").statusCode());
    }

    @Test
    public void outsideOfficeHoursTheKioskIsToldWhenTheHallOpensAgain() throws Exception {
        // hours that do not hold the present moment, every day: opening tonight at 23:00 or tomorrow at 01:00
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        boolean morning = now.getHour() < 12;
        ZonedDateTime expected = morning ? now.toLocalDate().atTime(LocalTime.of(23, 0)).atZone(now.getZone())
                : now.toLocalDate().plusDays(1).atTime(LocalTime.of(1, 0)).atZone(now.getZone());
        Configuration hours = configurationAdmin.getConfiguration("org.onedoor.hours", null);
        Dictionary<String, Object> closed = new Hashtable<>();
        closed.put("enforced", "true");
        closed.put("hours", morning ? "23:00-23:30" : "01:00-01:30");
        closed.put("summerHours", "");
        closed.put("workingDaysOnly", "false");
        hours.update(closed);
        try {
            await("the hours apply", () -> {
                try {
                    return http.postJson("/api/v1/tickets", "{\"zone\": \"tax\"}").statusCode() == 409;
                } catch (Exception e) {
                    return false;
                }
            });
            HttpResponse<String> refused = http.postJson("/api/v1/tickets", "{\"zone\": \"tax\"}");
            assertProblem(refused, 409, "outside-office-hours");
            JsonObject problem = new JsonObject(refused.body());
            assertEquals(expected.toInstant(), OffsetDateTime.parse(problem.getString("nextOpening")).toInstant());
            assertTrue(problem.getString("detail"), problem.getString("detail").contains("下次开放时间")
                    && problem.getString("detail").contains(expected.getHour() == 23 ? "23:00" : "01:00"));

            JsonObject status = new JsonObject(http.get("/api/v1/hours?zone=tax").body());
            assertEquals(Boolean.TRUE, status.getBoolean("enforced"));
            assertEquals(Boolean.FALSE, status.getBoolean("takesTickets"));
            assertEquals(problem.getString("nextOpening"), status.getString("nextOpening"));
            assertProblem(http.get("/api/v1/hours?zone=atlantis"), 404, "unknown-zone");
            assertProblem(http.get("/api/v1/hours"), 400, "missing-zone");
        } finally {
            Dictionary<String, Object> open = new Hashtable<>();
            open.put("enforced", "false");
            hours.update(open);
        }
        await("tickets again", () -> {
            try {
                return http.postJson("/api/v1/tickets", "{\"zone\": \"tax\"}").statusCode() == 201;
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(Boolean.TRUE, new JsonObject(http.get("/api/v1/hours?zone=tax").body()).getBoolean("takesTickets"));
    }

    @Test
    public void theConsoleShowsTheQueueAndCalls() throws Exception {
        JsonObject green = issue("{\"zone\": \"construction\", \"priority\": \"GREEN\", \"greenReason\": \"ELDERLY\"}");
        Console console = new Console(sessions);
        assertTrue(console.run("onedoor:queue construction", "viewer").contains(green.getString("number")));
        assertTrue(console.run("onedoor:ticket " + green.getString("number"), "viewer").contains("position 1"));
        assertEquals(200, http.postJsonAs("/api/v1/windows/161/sign-in", "{}", OP, PW).statusCode());
        String call = console.run("onedoor:call-next 161", "operator");
        assertTrue(call, call.contains("请" + green.getString("number") + "号到161号窗口办理"));
    }

}
