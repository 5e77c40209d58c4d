package org.onedoor.web.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Instant;
import javax.sql.DataSource;
import org.onedoor.api.cluster.ClusterMember;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.web.RouteContributor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/health}: the node's status, id, cluster members, uptime and store.
 * Answers 200 when the cluster member runs and the store answers, else 503 with the reason.
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

    @Override
    public void contribute(Router router) {
        router.get("/api/v1/health").handler(this::health);
    }

    private void health(RoutingContext ctx) {
        DataSource ds = store;
        ctx.vertx().executeBlocking(() -> storeUp(ds), false).onComplete(db -> {
            HallCluster c = cluster;
            ZoneDirectory z = zones;
            boolean storeUp = db.succeeded() && db.result();
            boolean clusterUp = c != null && !c.members().isEmpty();
            long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
            JsonArray members = new JsonArray();
            if (c != null) {
                for (ClusterMember m : c.members()) {
                    members.add(new JsonObject().put("nodeId", m.nodeId()).put("address", m.address()).put("local", m.local()));
                }
            }
            JsonObject body = new JsonObject()
                    .put("status", storeUp && clusterUp ? "UP" : "DOWN")
                    .put("nodeId", c == null ? null : c.nodeId())
                    .put("clusterName", c == null ? null : c.clusterName())
                    .put("members", members)
                    .put("startedAt", Instant.ofEpochMilli(startMillis).toString())
                    .put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                    .put("checks", new JsonObject()
                            .put("cluster", clusterUp ? "UP" : "DOWN")
                            .put("store", storeUp ? "UP" : "DOWN"))
                    .put("openZones", z == null ? 0 : z.openZones().size());
            Json.send(ctx, storeUp && clusterUp ? 200 : 503, body);
        });
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
