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

    @Test
    public void anUnknownHallIsNotFoundOnEveryRoute() throws Exception {
        assertUnknownHall(http.get("/api/v1/halls/atlantis"));
        assertUnknownHall(http.get("/api/v1/halls/atlantis/zones"));
        assertUnknownHall(http.postJson("/api/v1/halls/atlantis/tickets", "{\"zone\": \"police\"}"));
        assertUnknownHall(http.get("/api/v1/halls/atlantis/queue/snapshot"));
        assertUnknownHall(http.get("/api/v1/halls/atlantis/queue/events"));
        assertUnknownHall(http.postJsonAs("/api/v1/halls/atlantis/windows/1/call-next", "{}", OP, PW));
        assertEquals(200, http.get("/api/v1/halls/zhumadian/zones").statusCode());
    }
}
