package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onedoor.notify.smpp.simulator.ReceivedSms;
import org.onedoor.notify.smpp.simulator.SmppCentreSimulator;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Text messages on the real node through the SMPP driver to the simulated SMS centre, which decodes
 * the submit_sm bytes (issue 18): "your turn is near" and "called" for tickets, "result ready" for a
 * case after the window gave the applicant's number, delivery receipts marking them DELIVERED, and a
 * stop and start of the SMPP driver bundle while calls go on that loses and doubles no message.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotifyIT {

    private static final String DRIVER = "org.onedoor.notify.smpp";
    private static final String OP = HallNodeOptions.OPERATOR;
    private static final String OP_PW = HallNodeOptions.OPERATOR_PW;
    private static final String CLERK = HallNodeOptions.CLERK;
    private static final String DEPT = HallNodeOptions.DEPARTMENT_A17;
    private static final String PW = HallNodeOptions.ROLE_PW;

    private static SmppCentreSimulator centre;

    @Inject
    private BundleContext context;

    @Inject
    private org.osgi.service.component.runtime.ServiceComponentRuntime components;

    private Http http;

    @Configuration
    public Option[] config() throws Exception {
        int smsc;
        try (ServerSocket s = new ServerSocket(0)) {
            smsc = s.getLocalPort();
        }
        String cfg = "etc/org.onedoor.notify.sender~smsc.cfg";
        return OptionUtils.combine(HallNodeOptions.node(),
                editConfigurationFilePut(cfg, "driver", "smpp"),
                editConfigurationFilePut(cfg, "host", "127.0.0.1"),
                editConfigurationFilePut(cfg, "port", Integer.toString(smsc)),
                editConfigurationFilePut(cfg, "systemId", "onedoor"),
                editConfigurationFilePut(cfg, "password", "secret"),
                editConfigurationFilePut(cfg, "sourceAddress", "106900001234"),
                editConfigurationFilePut(cfg, "enquireLinkSeconds", "5"),
                editConfigurationFilePut("etc/org.onedoor.notify.cfg", "pollSeconds", "1"),
                editConfigurationFilePut("etc/org.onedoor.notify.cfg", "firstRetrySeconds", "1"),
                editConfigurationFilePut("etc/org.onedoor.notify.cfg", "turnNearAhead", "1"),
                systemProperty("onedoor.it.smscPort").value(Integer.toString(smsc)));
    }

    @Before
    public void centreAndNode() throws Exception {
        synchronized (NotifyIT.class) {
            if (centre == null) {
                centre = new SmppCentreSimulator(Integer.getInteger("onedoor.it.smscPort"), "onedoor", "secret");
            }
        }
        http = new Http(HallNodeOptions.webPort());
        await("the police matters are offered", () -> {
            try {
                return http.get("/api/v1/matters/A17-001").statusCode() == 200 && http.get("/api/v1/zones").body().contains("\"count\":11");
            } catch (Exception e) {
                return false;
            }
        });
        HallNodeOptions.awaitSignIn(http, PW, CLERK, DEPT);
    }

    private JsonObject ok(HttpResponse<String> r, int status) {
        assertEquals(r.body(), status, r.statusCode());
        return new JsonObject(r.body());
    }

    private JsonObject issue(String zone) throws Exception {
        return ok(http.postJson("/api/v1/tickets", "{\"zone\": \"" + zone + "\"}"), 201);
    }

    private void subscribe(String ticketId, String phone) throws Exception {
        ok(http.postJson("/api/v1/tickets/" + ticketId + "/notifications", "{\"phone\": \"" + phone + "\"}"), 201);
    }

    /** @return the messages the centre recorded for a number, in order */
    private static List<ReceivedSms> to(String phone) {
        return centre.received().stream().filter(m -> m.destination().equals(phone)).toList();
    }

    private List<ReceivedSms> awaitTo(String phone, int n) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (to(phone).size() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError(n + " message(s) did not reach the centre for " + phone + "; the notification components: "
                        + notifyComponents() + "; the outbox: " + http.getAs("/api/v1/admin/notifications", OP, OP_PW).body());
            }
            Thread.sleep(100);
        }
        return to(phone);
    }

    /** @return the state of the node's notification components, for a failure's message */
    private String notifyComponents() {
        StringBuilder out = new StringBuilder();
        for (org.osgi.service.component.runtime.dto.ComponentDescriptionDTO d : components.getComponentDescriptionDTOs()) {
            if (!d.name.contains("notify")) {
                continue;
            }
            out.append(d.name).append(components.isComponentEnabled(d) ? "" : " (disabled)");
            for (org.osgi.service.component.runtime.dto.ComponentConfigurationDTO c : components.getComponentConfigurationDTOs(d)) {
                out.append(" state=").append(c.state);
                if (c.failure != null) {
                    out.append(" failure=").append(c.failure.lines().findFirst().orElse(""));
                }
                for (org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                    out.append(" unsatisfied=").append(u.name);
                }
            }
            out.append("; ");
        }
        return out.toString();
    }

    /** Calls the next ticket to the window and finishes it, so the window can call again. */
    private JsonObject callAndFinish(int window) throws Exception {
        JsonObject called = ok(http.postJsonAs("/api/v1/windows/" + window + "/call-next", "{}", OP, OP_PW), 200);
        assertEquals(200, http.postJsonAs("/api/v1/windows/" + window + "/start", "{}", OP, OP_PW).statusCode());
        assertEquals(200, http.postJsonAs("/api/v1/windows/" + window + "/complete", "{}", OP, OP_PW).statusCode());
        return called;
    }

    private JsonObject outboxRow(String key) throws Exception {
        JsonArray rows = ok(http.getAs("/api/v1/admin/notifications?limit=500", OP, OP_PW), 200).getJsonArray("notifications");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getJsonObject(i).getString("eventKey").equals(key)) {
                return rows.getJsonObject(i);
            }
        }
        return null;
    }

    @Test
    public void aCallTellsTheCalledTicketAndTheOneNextButOneAsUcs2ShortMessages() throws Exception {
        JsonObject first = issue("enterprise");
        issue("enterprise");
        JsonObject third = issue("enterprise");
        subscribe(first.getString("id"), "13800000101");
        subscribe(third.getString("id"), "13800000103");

        assertEquals(200, http.postJsonAs("/api/v1/windows/153/sign-in", "{}", OP, OP_PW).statusCode());
        JsonObject called = callAndFinish(153);
        assertEquals(first.getString("number"), called.getJsonObject("ticket").getString("number"));

        ReceivedSms call = awaitTo("13800000101", 1).get(0);
        assertEquals("请" + first.getString("number") + "号到153号窗口办理。", call.text());
        assertEquals("106900001234", call.source());
        assertEquals("UCS2", 8, call.dataCoding());
        assertTrue("请 in UTF-16BE: " + call.hexParts(), call.hexParts().get(0).startsWith("8bf7"));

        ReceivedSms near = awaitTo("13800000103", 1).get(0);
        assertEquals("您的" + third.getString("number") + "号前面还有1位，请到等候区留意叫号。", near.text());
        assertEquals(8, near.dataCoding());
        assertTrue("您的 in UTF-16BE: " + near.hexParts(), near.hexParts().get(0).startsWith("60a87684"));

        String key = "ticket:" + third.getString("id") + ":near";
        await("the receipt marks the message delivered", () -> "DELIVERED".equals(outboxRow(key).getString("state")));
        JsonObject row = outboxRow(key);
        assertEquals("138****0103", row.getString("phone"));
        assertEquals(near.messageId(), row.getString("messageId"));
        assertFalse("no whole number in the staff's view", http.getAs("/api/v1/admin/notifications?limit=500", OP, OP_PW).body()
                .contains("13800000103"));
        assertEquals(200, http.postJsonAs("/api/v1/windows/153/sign-out", "{}", OP, OP_PW).statusCode());
    }

    @Test
    public void theWindowGivesTheApplicantsNumberAndTheResultReadyReachesIt() throws Exception {
        ok(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"), 201);
        assertEquals(200, http.postJsonAs("/api/v1/windows/97/sign-in", "{}", CLERK, PW).statusCode());
        ok(http.postJsonAs("/api/v1/windows/97/call-next", "{}", CLERK, PW), 200);
        String no = ok(http.postJsonAs("/api/v1/cases", "{\"matter\": \"A17-001\", \"applicant\": {\"name\": \"张三\", \"idNumber\":"
                + " \"411702199003074515\"}, \"materials\": [\"申请人居民身份证\", \"近期免冠彩色照片\"], \"window\": 97}", CLERK, PW), 201)
                .getString("number");

        String path = "/api/v1/cases/" + no + "/notifications";
        assertEquals(401, http.postJson(path, "{\"phone\": \"13800000201\"}").statusCode());
        HttpResponse<String> bad = http.postJsonAs(path, "{\"phone\": \"12345\"}", CLERK, PW);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertEquals("phone", new JsonObject(bad.body()).getString("field"));
        assertEquals("unknown-case", new JsonObject(http.postJsonAs("/api/v1/cases/A17-20200101-9999/notifications",
                "{\"phone\": \"13800000201\"}", CLERK, PW).body()).getString("code"));
        JsonObject subscribed = ok(http.postJsonAs(path, "{\"phone\": \"138 0000 0201\"}", CLERK, PW), 201);
        assertEquals("138****0201", subscribed.getString("phone"));

        ok(http.postJsonAs("/api/v1/cases/" + no + "/materials", "{\"materials\": [\"国家工作人员出国（境）审批备案证明\"]}", CLERK, PW), 200);
        ok(http.postJsonAs("/api/v1/cases/" + no + "/decision", "{\"approve\": true, \"reason\": \"符合条件\"}", DEPT, PW), 200);
        ok(http.postJsonAs("/api/v1/cases/" + no + "/result-ready", "{}", DEPT, PW), 200);

        ReceivedSms sms = awaitTo("13800000201", 1).get(0);
        assertEquals("您的办件" + no + "已办结，结果可以领取。", sms.text());
        assertEquals(8, sms.dataCoding());
        assertTrue(sms.hexParts().toString(), sms.hexParts().get(0).startsWith("60a87684529e4ef6"));
        await("the receipt marks it delivered", () -> "DELIVERED".equals(outboxRow("case:" + no + ":result-ready").getString("state")));

        // the number of a matters-only unit's officer (R4) and of a department told of bad ratings
        assertEquals("138****0301", ok(http.postJsonAs("/api/v1/admin/notifications/contacts",
                "{\"role\": \"officer\", \"department\": \"A26\", \"phone\": \"13800000301\"}", OP, OP_PW), 201).getString("phone"));
        HttpResponse<String> role = http.postJsonAs("/api/v1/admin/notifications/contacts",
                "{\"role\": \"boss\", \"department\": \"A26\", \"phone\": \"13800000301\"}", OP, OP_PW);
        assertEquals(role.body(), "role", new JsonObject(role.body()).getString("field"));
        assertEquals(403, http.postJsonAs("/api/v1/admin/notifications/contacts",
                "{\"role\": \"officer\", \"department\": \"A26\", \"phone\": \"13800000301\"}", CLERK, PW).statusCode());
        assertEquals(200, http.postJsonAs("/api/v1/windows/97/sign-out", "{}", CLERK, PW).statusCode());
    }

    private Bundle driver() {
        for (Bundle b : context.getBundles()) {
            if (DRIVER.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + DRIVER);
    }

    @Test
    public void stoppingAndStartingTheSmppDriverWhileCallsGoOnLosesAndDoublesNoMessage() throws Exception {
        int n = 12;
        List<JsonObject> tickets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonObject t = issue("social-affairs");
            tickets.add(t);
            subscribe(t.getString("id"), String.format("139000004%02d", i));
        }
        assertEquals(200, http.postJsonAs("/api/v1/windows/177/sign-in", "{}", OP, OP_PW).statusCode());
        Bundle driver = driver();
        for (int i = 0; i < n; i++) {
            if (i == 4) {
                driver.stop();
            }
            if (i == 8) {
                Thread.sleep(1500); // the calls between wait in the outbox
                driver.start();
            }
            callAndFinish(177);
            Thread.sleep(150);
        }
        await("every call reached the centre", () -> tickets.stream().allMatch(t -> to(phoneOf(tickets, t)).stream()
                .anyMatch(m -> m.text().startsWith("请" + t.getString("number") + "号"))));
        Thread.sleep(2500); // time for a double to show
        Map<String, List<String>> got = new HashMap<>();
        for (JsonObject t : tickets) {
            got.put(t.getString("number"), to(phoneOf(tickets, t)).stream().map(ReceivedSms::text).collect(Collectors.toList()));
        }
        for (int i = 0; i < n; i++) {
            JsonObject t = tickets.get(i);
            List<String> texts = got.get(t.getString("number"));
            long calls = texts.stream().filter(x -> x.startsWith("请")).count();
            long nears = texts.stream().filter(x -> x.startsWith("您的")).count();
            assertEquals(t.getString("number") + ": " + texts, 1, calls);
            assertEquals(t.getString("number") + ": one 'turn near' (the first ticket had none: it was called first)" + texts,
                    i == 0 ? 0 : 1, nears);
        }
        assertEquals(200, http.postJsonAs("/api/v1/windows/177/sign-out", "{}", OP, OP_PW).statusCode());
    }

    private static String phoneOf(List<JsonObject> tickets, JsonObject t) {
        return String.format("139000004%02d", tickets.indexOf(t));
    }
}
