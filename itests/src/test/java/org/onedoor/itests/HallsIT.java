package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * A second hall on the real node, added by Config Admin ({@code org.onedoor.hall.site}) with a zone
 * of the same id as one of the default hall's: it numbers its own tickets and windows, its windows
 * call only its tickets, its stream carries only its events, and an unknown hall is 404.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HallsIT extends HallNodeTestSupport {

    static final String OP = HallNodeOptions.OPERATOR;
    static final String PW = HallNodeOptions.OPERATOR_PW;

    /** Xiping's one zone: police, ticket letter G like the default hall's police, windows 1 and 2 of Xiping. */
    static final String XIPING_ZONES = "[{\"id\":\"police\",\"letter\":\"G\",\"nameZh\":\"公安业务受理区\",\"nameEn\":\"Public security\","
            + "\"floor\":1,\"universal\":false,\"windows\":[{\"number\":1,\"zoneId\":\"police\",\"labelZh\":\"1号窗口\"},"
            + "{\"number\":2,\"zoneId\":\"police\",\"labelZh\":\"2号窗口\"}],\"units\":[]}]";

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private SessionFactory sessions;

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

    private JsonObject issue(String path, String zone) throws Exception {
        HttpResponse<String> r = http.postJson(path, "{\"zone\": \"" + zone + "\"}");
        assertEquals(r.body(), 201, r.statusCode());
        return new JsonObject(r.body());
    }

    private static void assertUnknownHall(HttpResponse<String> r) {
        assertEquals(r.body(), 404, r.statusCode());
        JsonObject doc = new JsonObject(r.body());
        assertEquals(r.body(), "unknown-hall", doc.getString("code"));
        assertEquals(r.body(), "hall", doc.getString("field"));
    }

    @Test
    public void aSecondHallAddedByConfigurationNumbersAndCallsItsOwnTickets() throws Exception {
        JsonObject before = new JsonObject(http.get("/api/v1/halls").body());
        assertEquals(before.encode(), 1, (int) before.getInteger("count"));
        JsonObject zhumadian = before.getJsonArray("halls").getJsonObject(0);
        assertEquals("zhumadian", zhumadian.getString("id"));
        assertEquals("驻马店市民之家", zhumadian.getString("nameZh")); // from etc/org.onedoor.hall.site~zhumadian.cfg
        assertEquals(11, (int) zhumadian.getInteger("zoneCount"));
        assertUnknownHall(http.get("/api/v1/halls/xiping/zones"));

        Configuration site = configurationAdmin.createFactoryConfiguration("org.onedoor.hall.site", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("id", "xiping");
        props.put("nameZh", "西平县便民服务中心");
        props.put("nameEn", "Xiping County Service Center");
        props.put("address", "河南省驻马店市西平县");
        props.put("zones", XIPING_ZONES);
        site.update(props);
        try {
            await("hall xiping and its zone are served", () -> {
                try {
                    return http.get("/api/v1/halls/xiping/zones").body().contains("\"count\":1");
                } catch (Exception e) {
                    return false;
                }
            });
            JsonObject halls = new JsonObject(http.get("/api/v1/halls").body());
            assertEquals(2, (int) halls.getInteger("count"));
            assertEquals("西平县便民服务中心", halls.getJsonArray("halls").getJsonObject(1).getString("nameZh"));
            JsonObject police = new JsonObject(http.get("/api/v1/halls/xiping/zones/police").body());
            assertEquals("xiping", police.getString("hallId"));
            assertEquals(2, (int) police.getInteger("windowCount"));
            assertTrue(http.get("/api/v1/zones").body().contains("\"count\":11")); // the default hall's zones, as before

            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/halls/xiping/queue/events")).build(),
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
            await("the hall's stream is open", () -> lines.contains(": connected"));

            JsonObject a1 = issue("/api/v1/tickets", "police");
            JsonObject b1 = issue("/api/v1/halls/xiping/tickets", "police");
            JsonObject b2 = issue("/api/v1/halls/xiping/tickets", "police");
            assertEquals("G001", b1.getString("number"));
            assertEquals("G002", b2.getString("number"));
            assertTrue(a1.getString("number").startsWith("G"));
            assertEquals(1, (int) b1.getInteger("position"));
            assertEquals(404, http.get("/api/v1/halls/xiping/tickets/" + a1.getString("id")).statusCode());
            assertEquals(b1.getString("id"), new JsonObject(http.get("/api/v1/halls/xiping/tickets?number=G001").body()).getString("id"));

            // windows are numbered per hall: Xiping has 1 and 2, not the default hall's 97
            assertEquals(404, http.postJsonAs("/api/v1/halls/xiping/windows/97/sign-in", "{}", OP, PW).statusCode());
            HttpResponse<String> in = http.postJsonAs("/api/v1/halls/xiping/windows/1/sign-in", "{}", OP, PW);
            assertEquals(in.body(), 200, in.statusCode());
            HttpResponse<String> called = http.postJsonAs("/api/v1/halls/xiping/windows/1/call-next", "{}", OP, PW);
            assertEquals(called.body(), 200, called.statusCode());
            assertEquals(b1.getString("id"), new JsonObject(called.body()).getJsonObject("ticket").getString("id"));
            assertEquals("WAITING", new JsonObject(http.get("/api/v1/tickets/" + a1.getString("id")).body()).getString("status"));
            JsonArray windows = new JsonObject(http.get("/api/v1/halls/xiping/windows").body()).getJsonArray("windows");
            assertEquals(1, windows.size());
            assertFalse(http.get("/api/v1/windows").body().contains("\"window\":1,"));

            await("the call is on the hall's stream", () -> lines.stream().anyMatch(l -> l.startsWith("data:")
                    && l.contains("\"type\":\"CALLED\"") && l.contains(b1.getString("id"))));
            assertTrue(lines.stream().filter(l -> l.startsWith("data:")).allMatch(l -> l.contains("\"hallId\":\"xiping\"")));
            assertFalse("the default hall's ticket is not on Xiping's stream", lines.stream().anyMatch(l -> l.contains(a1.getString("id"))));
            JsonObject snapshot = new JsonObject(http.get("/api/v1/halls/xiping/queue/snapshot").body());
            assertEquals("xiping", snapshot.getString("hallId"));
            assertEquals(1, (int) snapshot.getInteger("waitingCount"));
            assertEquals(4L, (long) snapshot.getJsonObject("zoneSeqs").getLong("police")); // 2 issued, window open, 1 called
            stream.cancel(true);

            assertEquals(200, http.postJsonAs("/api/v1/halls/xiping/windows/1/complete", "{}", OP, PW).statusCode());

            // the queue figures of the day are the hall's: Xiping's police has its 2 tickets, 1 served
            HttpResponse<String> figures = http.getAs("/api/v1/halls/xiping/stats/queue", HallNodeOptions.SUPERVISOR, HallNodeOptions.ROLE_PW);
            assertEquals(figures.body(), 200, figures.statusCode());
            JsonObject stats = new JsonObject(figures.body());
            assertEquals("xiping", stats.getString("hallId"));
            assertEquals(stats.encode(), 1, stats.getJsonArray("zones").size());
            assertEquals(2, (int) stats.getJsonObject("totals").getInteger("issued"));
            assertEquals(1, (int) stats.getJsonObject("totals").getInteger("served"));
            JsonObject defaultStats = new JsonObject(http.getAs("/api/v1/stats/queue", HallNodeOptions.SUPERVISOR, HallNodeOptions.ROLE_PW).body());
            assertEquals("zhumadian", defaultStats.getString("hallId"));
            JsonObject defaultPolice = defaultStats.getJsonArray("zones").stream().map(JsonObject.class::cast)
                    .filter(z -> "police".equals(z.getString("zoneId"))).findFirst().orElseThrow();
            assertEquals(defaultPolice.encode(), 1, (int) defaultPolice.getInteger("issued")); // a1 only, not Xiping's two
            assertEquals(defaultPolice.encode(), 0, (int) defaultPolice.getInteger("served"));

            // the console, per hall
            Console console = new Console(sessions);
            String halls2 = console.run("onedoor:halls", "viewer");
            assertTrue(halls2, halls2.contains("xiping") && halls2.contains("西平县便民服务中心") && halls2.contains("zhumadian (default)"));
            String zones = console.run("onedoor:zones --hall xiping", "viewer");
            assertTrue(zones, zones.contains("1-2 (2)") && zones.contains("2 windows in the listed zones in hall xiping"));
            String queue = console.run("onedoor:queue --hall xiping", "viewer");
            assertTrue(queue, queue.contains(b2.getString("number")) && queue.contains("1 waiting in hall xiping"));
            String ticket = console.run("onedoor:ticket --hall xiping G001", "viewer");
            assertTrue(ticket, ticket.startsWith("G001 in hall xiping") && ticket.contains("DONE"));
            String call = console.run("onedoor:call-next --hall xiping 1", "operator");
            assertTrue(call, call.contains("G002") && call.contains("window 1 in hall xiping"));
            assertEquals("CALLED", new JsonObject(http.get("/api/v1/halls/xiping/tickets/" + b2.getString("id")).body()).getString("status"));
            assertEquals("the default hall's ticket stays waiting", "WAITING",
                    new JsonObject(http.get("/api/v1/tickets/" + a1.getString("id")).body()).getString("status"));
            try {
                console.run("onedoor:zone-disable --hall xiping police", "operator");
                throw new AssertionError("a configured hall's zone is not switched by a feature");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("org.onedoor.hall.site~xiping.cfg"));
            }
            assertEquals(200, http.postJsonAs("/api/v1/halls/xiping/windows/1/complete", "{}", OP, PW).statusCode());

            // the pages of the hall
            HttpResponse<String> kiosk = http.get("/ui/kiosk?hall=xiping");
            assertEquals(200, kiosk.statusCode());
            assertTrue(kiosk.body().contains("kiosk.js"));
            assertEquals(200, http.get("/ui/screen?hall=xiping&zone=police").statusCode());
            assertEquals(200, http.postJsonAs("/api/v1/halls/xiping/windows/1/sign-out", "{}", OP, PW).statusCode());
        } finally {
            site.delete();
        }
        await("hall xiping is gone", () -> {
            try {
                return http.get("/api/v1/halls/xiping/zones").statusCode() == 404;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Shangcai's zones: universal (F) at its window 1, police (G) at its window 2. */
    static final String SHANGCAI_ZONES = "[{\"id\":\"universal\",\"letter\":\"F\",\"nameZh\":\"综合受理区\",\"nameEn\":\"Universal\","
            + "\"floor\":1,\"universal\":true,\"windows\":[{\"number\":1,\"zoneId\":\"universal\",\"labelZh\":\"1号窗口\"}],\"units\":[]},"
            + "{\"id\":\"police\",\"letter\":\"G\",\"nameZh\":\"公安业务受理区\",\"nameEn\":\"Public security\",\"floor\":1,"
            + "\"universal\":false,\"windows\":[{\"number\":2,\"zoneId\":\"police\",\"labelZh\":\"2号窗口\"}],\"units\":[]}]";

    private static String application(int window, String hall, String handlingHall) {
        return "{\"matter\": \"A17-001\", \"applicant\": {\"name\": \"张三\", \"idNumber\": \"411702199003074515\"}, "
                + "\"materials\": [\"申请人居民身份证\", \"近期免冠彩色照片\"], \"window\": " + window + ", \"hall\": \"" + hall
                + "\", \"handlingHall\": \"" + handlingHall + "\"}";
    }

    /** Calls the next ticket of the hall's zone to the hall's window, for the operator. */
    private String callTo(String hall, String zone, int window) throws Exception {
        issue("/api/v1/halls/" + hall + "/tickets", zone);
        assertEquals(200, http.postJsonAs("/api/v1/halls/" + hall + "/windows/" + window + "/sign-in", "{}", OP, PW).statusCode());
        HttpResponse<String> called = http.postJsonAs("/api/v1/halls/" + hall + "/windows/" + window + "/call-next", "{}", OP, PW);
        assertEquals(called.body(), 200, called.statusCode());
        return new JsonObject(called.body()).getJsonObject("ticket").getString("number");
    }

    @Test
    public void aMatterOfTheCityHallIsAcceptedAtAUniversalWindowOfAnotherHall() throws Exception {
        await("the police matters are offered", () -> {
            try {
                return http.get("/api/v1/matters/A17-001").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        Configuration site = configurationAdmin.createFactoryConfiguration("org.onedoor.hall.site", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("id", "shangcai");
        props.put("nameZh", "上蔡县便民服务中心");
        props.put("nameEn", "Shangcai County Service Center");
        props.put("zones", SHANGCAI_ZONES);
        site.update(props);
        try {
            await("hall shangcai and its zones are served", () -> {
                try {
                    return http.get("/api/v1/halls/shangcai/zones").body().contains("\"count\":2");
                } catch (Exception e) {
                    return false;
                }
            });
            // Shangcai's universal window 1 takes a passport application (A17, the city's police) for the default hall
            String ticket = callTo("shangcai", "universal", 1);
            assertEquals("F001", ticket);
            HttpResponse<String> accepted = http.postJsonAs("/api/v1/cases", application(1, "shangcai", "zhumadian"), OP, PW);
            assertEquals(accepted.body(), 201, accepted.statusCode());
            JsonObject kase = new JsonObject(accepted.body());
            assertEquals("shangcai", kase.getString("acceptedHall"));
            assertEquals("zhumadian", kase.getString("handlingHall"));
            assertTrue(kase.getBoolean("sameCity"));
            assertEquals("A17", kase.getString("departmentId"));
            assertEquals("F001", kase.getString("ticketNumber"));
            JsonObject read = new JsonObject(http.getAs("/api/v1/cases/" + kase.getString("number"), OP, PW).body());
            assertEquals("shangcai", read.getString("acceptedHall"));
            assertEquals("zhumadian", read.getString("handlingHall"));
            assertEquals("window:shangcai/1", read.getJsonArray("history").getJsonObject(0).getString("origin"));

            // a comprehensive window of Shangcai does not take the default hall's case; unknown halls are 404 naming their field
            callTo("shangcai", "police", 2);
            HttpResponse<String> refused = http.postJsonAs("/api/v1/cases", application(2, "shangcai", "zhumadian"), OP, PW);
            assertEquals(refused.body(), 409, refused.statusCode());
            assertEquals("same-city-needs-universal-window", new JsonObject(refused.body()).getString("code"));
            HttpResponse<String> nowhere = http.postJsonAs("/api/v1/cases", application(2, "atlantis", ""), OP, PW);
            assertUnknownHall(nowhere);
            HttpResponse<String> handledNowhere = http.postJsonAs("/api/v1/cases", application(1, "shangcai", "atlantis"), OP, PW);
            assertEquals(handledNowhere.body(), 404, handledNowhere.statusCode());
            assertEquals("handlingHall", new JsonObject(handledNowhere.body()).getString("field"));
            for (int w : new int[] {1, 2}) {
                http.postJsonAs("/api/v1/halls/shangcai/windows/" + w + "/complete", "{}", OP, PW);
                assertEquals(200, http.postJsonAs("/api/v1/halls/shangcai/windows/" + w + "/sign-out", "{}", OP, PW).statusCode());
            }
        } finally {
            site.delete();
        }
    }

    @Test
    public void aScreenDeviceOfAnotherHallIsNotFedTheDefaultHallsCalls() throws Exception {
        Configuration screen = configurationAdmin.getFactoryConfiguration("org.onedoor.device", "screen-xiping", "?");
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("kind", "screen");
        p.put("driver", "web");
        p.put("hall", "xiping");
        screen.update(p);
        try {
            await("the screen device is configured", () -> {
                try {
                    return http.get("/api/v1/devices").body().contains("\"screen-xiping\"");
                } catch (Exception e) {
                    return false;
                }
            });
            HttpResponse<String> refused = http.get("/api/v1/queue/events?device=screen-xiping");
            assertEquals(refused.body(), 409, refused.statusCode());
            JsonObject problem = new JsonObject(refused.body());
            assertEquals("screen-of-another-hall", problem.getString("code"));
            assertEquals("hall", problem.getString("field"));
            assertTrue(problem.getString("detail"), problem.getString("detail").contains("hall=xiping"));
        } finally {
            screen.delete();
        }
    }

    @Test
    public void anUnknownHallIsNotFoundOnEveryRoute() throws Exception {
        assertUnknownHall(http.get("/api/v1/halls/atlantis"));
        assertUnknownHall(http.get("/api/v1/halls/atlantis/zones"));
        assertUnknownHall(http.postJson("/api/v1/halls/atlantis/tickets", "{\"zone\": \"police\"}"));
        assertUnknownHall(http.get("/api/v1/halls/atlantis/queue/snapshot"));
        assertUnknownHall(http.get("/api/v1/halls/atlantis/queue/events"));
        assertUnknownHall(http.postJsonAs("/api/v1/halls/atlantis/windows/1/call-next", "{}", OP, PW));
        assertUnknownHall(http.getAs("/api/v1/halls/atlantis/stats/queue", HallNodeOptions.SUPERVISOR, HallNodeOptions.ROLE_PW));
        for (String page : List.of("kiosk", "window", "screen", "console", "dashboard", "ticket")) {
            assertUnknownHall(http.get("/ui/" + page + "?hall=atlantis"));
            assertEquals(page, 200, http.get("/ui/" + page).statusCode());
            assertEquals(page, 200, http.get("/ui/" + page + "?hall=zhumadian").statusCode());
        }
        assertEquals(200, http.get("/api/v1/halls/zhumadian/zones").statusCode());
        assertEquals(200, http.getAs("/api/v1/halls/zhumadian/stats/queue", HallNodeOptions.SUPERVISOR, HallNodeOptions.ROLE_PW).statusCode());
        try {
            new Console(sessions).run("onedoor:queue --hall atlantis", "viewer");
            throw new AssertionError("an unknown hall is refused on the console");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("unknown-hall:") && e.getMessage().contains("zhumadian"));
        }
    }
}
