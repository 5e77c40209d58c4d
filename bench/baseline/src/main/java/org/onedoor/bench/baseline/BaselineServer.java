package org.onedoor.bench.baseline;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The baseline of the queue benchmark: the cheapest request a hall node's HTTP stack could serve
 * with shared cluster state. One Vert.x {@code HttpServer} and {@code Router} (as in the node:
 * BodyHandler, then the route), and per request one {@code IMap.put} on an embedded Hazelcast
 * member, done on the worker pool through {@code executeBlocking} as the node does its database work,
 * and (the fair baseline, with DATABASE given) one committed row insert into the same kind of database
 * as the node's: embedded H2 in a file for one process, the shared PostgreSQL for three, through a
 * HikariCP pool of the node's size (10).
 *
 * <p>Routes (the same paths and answer shapes as the node, so one load driver serves both):
 * <ul>
 * <li>{@code POST /api/v1/tickets} → 201 {@code {"id":..., "number":...}}</li>
 * <li>{@code POST /api/v1/windows/:no/sign-in|call-next|complete} → 200 {@code {"ticket":{...}}}
 *     (no authentication, no queue logic: one map write each)</li>
 * <li>{@code POST /api/v1/auth/login} → 200 {@code {"token":...}} (any token; the calls carry it, nobody checks it)</li>
 * <li>{@code GET /api/v1/health} → 200 {@code {"status":"UP","members":[...]}}</li>
 * </ul>
 *
 * <p>Usage: {@code java -jar onedoor-bench-baseline.jar HTTP_PORT HZ_PORT MEMBERS NODE_ID [DATABASE]}, MEMBERS being
 * comma-separated {@code 127.0.0.1:port} (empty string or "-" for a lone member), DATABASE a JDBC URL
 * ({@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}, user postgres) or "-" for none. Binds 127.0.0.1 only;
 * Hazelcast joins by TCP-IP only, without multicast or phone-home. Stops on SIGTERM.
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: BaselineServer HTTP_PORT HZ_PORT MEMBERS NODE_ID [DATABASE]");
            System.exit(2);
        }
        int httpPort = Integer.parseInt(args[0]);
        int hzPort = Integer.parseInt(args[1]);
        String members = "-".equals(args[2]) ? "" : args[2].trim();
        String nodeId = args[3];
        HikariDataSource db = args.length == 5 && !"-".equals(args[4]) ? database(args[4], nodeId) : null;

        // Hazelcast member on loopback, TCP-IP join with the listed members.
        System.setProperty("hazelcast.phone.home.enabled", "false");
        System.setProperty("hazelcast.logging.type", "jdk");
        Config config = new Config();
        config.setClusterName("onedoor-bench-baseline");
        config.setInstanceName("bench-" + nodeId);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.getNetworkConfig().setPort(hzPort).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        Arrays.stream(members.split(",")).map(String::trim).filter(m -> !m.isEmpty())
                .forEach(m -> join.getTcpIpConfig().addMember(m));
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        IMap<String, String> map = hz.getMap("bench-tickets");

        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(1_048_576));
        router.get("/api/v1/health").handler(ctx -> {
            JsonArray list = new JsonArray();
            hz.getCluster().getMembers().forEach(m -> list.add(m.getAddress().toString()));
            send(ctx, 200, new JsonObject().put("status", "UP").put("nodeId", nodeId).put("members", list));
        });
        router.post("/api/v1/auth/login").handler(ctx -> send(ctx, 200,
                new JsonObject().put("token", UUID.randomUUID().toString()).put("tokenType", "Bearer")));
        router.post("/api/v1/tickets").handler(ctx -> write(ctx, map, db, 201, false));
        router.post("/api/v1/windows/:no/sign-in").handler(ctx -> write(ctx, map, db, 200, true));
        router.post("/api/v1/windows/:no/call-next").handler(ctx -> write(ctx, map, db, 200, true));
        router.post("/api/v1/windows/:no/complete").handler(ctx -> write(ctx, map, db, 200, true));

        CountDownLatch stopped = new CountDownLatch(1);
        vertx.createHttpServer().requestHandler(router).listen(httpPort, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("baseline " + nodeId + " listening on 127.0.0.1:" + httpPort + ", hazelcast 127.0.0.1:" + hzPort);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // stopping anyway
            }
            hz.shutdown();
            if (db != null) {
                db.close();
            }
            stopped.countDown();
        }, "baseline-stop"));
        stopped.await();
    }

    /** The pool and the one table of the fair baseline; the node's pool size, user postgres on PostgreSQL. */
    private static HikariDataSource database(String url, String nodeId) throws SQLException {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        if (url.startsWith("jdbc:postgresql:")) {
            c.setUsername("postgres");
        }
        c.setMaximumPoolSize(10);
        c.setPoolName("bench-" + nodeId);
        HikariDataSource ds = new HikariDataSource(c);
        try (Connection con = ds.getConnection(); Statement s = con.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_row (id VARCHAR(36) PRIMARY KEY, what VARCHAR(64) NOT NULL, "
                    + "node VARCHAR(64) NOT NULL, at TIMESTAMP NOT NULL)");
        }
        return ds;
    }

    /** One Hazelcast map write (and with a database one committed row) on the worker pool, then the answer. */
    private static void write(RoutingContext ctx, IMap<String, String> map, HikariDataSource db, int status, boolean wrapped) {
        String id = UUID.randomUUID().toString();
        String window = ctx.pathParam("no");
        String what = window == null ? "ticket" : "window " + window;
        String node = map.getName() + "@" + ctx.request().localAddress().port();
        ctx.vertx().executeBlocking(() -> {
            map.put(id, what);
            if (db != null) {
                try (Connection con = db.getConnection();
                        PreparedStatement ps = con.prepareStatement("INSERT INTO bench_row (id, what, node, at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, what);
                    ps.setString(3, node);
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                    ps.executeUpdate(); // auto-commit: one committed transaction per request
                }
            }
            return id;
        }, false).onComplete(r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            JsonObject ticket = new JsonObject().put("id", id).put("number", "B" + (id.hashCode() & 0xffff));
            send(ctx, status, wrapped ? new JsonObject().put("ticket", ticket) : ticket);
        });
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
