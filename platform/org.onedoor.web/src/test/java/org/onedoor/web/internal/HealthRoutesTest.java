package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cluster.ClusterMember;
import org.onedoor.api.cluster.HallCluster;

/** Readiness through the real server: STARTING (503) until the node has started, liveness 200 throughout. */
public class HealthRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<List<String>> pending = new AtomicReference<>(List.of("zone tax is not open yet"));
    private HallHttpServer server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.web(port, 1024));
        HallCluster cluster = (HallCluster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HallCluster.class},
                (p, m, a) -> switch (m.getName()) {
                    case "members" -> List.of(new ClusterMember("n1", "127.0.0.1:5701", true));
                    case "nodeId" -> "n1";
                    case "clusterName" -> "hall";
                    default -> null;
                });
        server.addContributor(new HealthRoutes(cluster, liveStore(), pending::get));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static DataSource liveStore() {
        Connection connection = (Connection) Proxy.newProxyInstance(HealthRoutesTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> m.getName().equals("isValid") ? Boolean.TRUE : null);
        return (DataSource) Proxy.newProxyInstance(HealthRoutesTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> m.getName().equals("getConnection") ? connection : null);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startingUntilStartedThenUp() throws Exception {
        HttpResponse<String> starting = get("/api/v1/health");
        assertEquals(503, starting.statusCode(), starting.body());
        JsonObject body = new JsonObject(starting.body());
        assertEquals("STARTING", body.getString("status"));
        assertEquals("zone tax is not open yet", body.getJsonArray("waitingFor").getString(0));
        assertEquals(200, get("/api/v1/health/live").statusCode(), "alive while starting");

        pending.set(List.of());
        HttpResponse<String> up = get("/api/v1/health");
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("UP", new JsonObject(up.body()).getString("status"));
        assertEquals("UP", new JsonObject(up.body()).getJsonObject("checks").getString("startup"));
    }
}
