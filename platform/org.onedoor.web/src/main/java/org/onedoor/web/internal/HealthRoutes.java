package org.onedoor.web.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.onedoor.api.cluster.ClusterMember;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.web.Guarded;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.http.Json;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/health}: whether the node is ready to serve, with its id, cluster members,
 * uptime and store. 200 {@code UP} once it has started ({@link NodeStartup}) while the cluster
 * member runs and the store answers; 503 {@code STARTING} before, 503 {@code DOWN} when the store
 * or the member is missing. {@code GET /api/v1/health/live}: 200 while the process serves HTTP.
 */
@Component(service = RouteContributor.class)
public final class HealthRoutes implements RouteContributor {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(onedoor.datasource=hall)")
    private volatile DataSource store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ZoneDirectory zones;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatterCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallClock clock;

    private volatile Supplier<List<String>> startup = () -> List.of("the node is not activated yet");

    /** For Declarative Services. */
    public HealthRoutes() {
    }

    /** For tests: fixed parts and a startup check. */
    HealthRoutes(HallCluster cluster, DataSource store, Supplier<List<String>> startup) {
        this.cluster = cluster;
        this.store = store;
        this.startup = startup;
    }

    @Activate
    void activate(BundleContext context) {
        startup = new NodeStartup(context, () -> zones, () -> catalog)::pending;
    }

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/health").handler(this::health);
        router.get("/api/v1/health/live").handler(ctx -> Json.send(ctx, 200, new JsonObject().put("status", "UP")
                .put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)));
    }

    private void health(RoutingContext ctx) {
        DataSource ds = store;
        ctx.vertx().executeBlocking(() -> storeUp(ds), false).onComplete(Guarded.completion(ctx, db -> {
            HallCluster c = cluster;
            ZoneDirectory z = zones;
            boolean storeUp = db.succeeded() && db.result();
            boolean clusterUp = c != null && !c.members().isEmpty();
            List<String> pending = startup.get();
            String status = !storeUp || !clusterUp ? "DOWN" : pending.isEmpty() ? "UP" : "STARTING";
            long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
            JsonArray members = new JsonArray();
            if (c != null) {
                for (ClusterMember m : c.members()) {
                    members.add(new JsonObject().put("nodeId", m.nodeId()).put("address", m.address()).put("local", m.local()));
                }
            }
            JsonObject body = new JsonObject()
                    .put("status", status)
                    .put("nodeId", c == null ? null : c.nodeId())
                    .put("clusterName", c == null ? null : c.clusterName())
                    .put("members", members)
                    .put("startedAt", Instant.ofEpochMilli(startMillis).toString())
                    .put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                    .put("checks", new JsonObject()
                            .put("cluster", clusterUp ? "UP" : "DOWN")
                            .put("store", storeUp ? "UP" : "DOWN")
                            .put("startup", pending.isEmpty() ? "UP" : "STARTING"))
                    .put("openZones", z == null ? 0 : z.openZones().size());
            HallClock hallClock = clock;
            if (hallClock != null) {
                // the hall's local time and zone (a test or drill may have set the clock: etc/org.onedoor.hall.cfg setTo)
                body.put("hallTime", java.time.LocalDateTime.now(hallClock.clock()).withNano(0).toString())
                        .put("hallZone", hallClock.zone().getId());
            }
            if (!pending.isEmpty()) {
                body.put("waitingFor", new JsonArray(pending));
            }
            Json.send(ctx, "UP".equals(status) ? 200 : 503, body);
        }));
    }

    private static boolean storeUp(DataSource ds) {
        if (ds == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
