package org.onedoor.cluster.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;

/** Builds the Hazelcast member configuration of a hall node from its {@link ClusterConfig}. */
final class MemberConfigFactory {

    /** Member attribute carrying the hall node id. */
    static final String NODE_ID_ATTRIBUTE = "onedoor.node";

    private MemberConfigFactory() {
    }

    static Config create(ClusterConfig cluster, String nodeId, ClassLoader loader) {
        List<String> members = MemberList.parse(cluster.members());
        Config config = new Config();
        config.setClusterName(cluster.clusterName());
        config.setInstanceName("onedoor-" + nodeId);
        config.setClassLoader(loader);
        config.getMemberAttributeConfig().setAttribute(NODE_ID_ATTRIBUTE, nodeId);

        int heartbeatLimit = Math.max(2, cluster.failureDetectionSeconds());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(heartbeatLimit));
        config.setProperty("hazelcast.heartbeat.failuredetector.type", "deadline");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.join.seconds", "10");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.jet.enabled", "false");
        config.getJetConfig().setEnabled(false);
        config.getSqlConfig().setStatementTimeoutMillis(0);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port());
        network.setPortAutoIncrement(false);
        network.setPublicAddress(cluster.bindAddress() + ":" + cluster.port());
        network.getInterfaces().setEnabled(true).addInterface(cluster.bindAddress());
        network.getRestApiConfig().setEnabled(false);

        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        join.getTcpIpConfig().addMember(cluster.bindAddress() + ":" + cluster.port());
        members.forEach(join.getTcpIpConfig()::addMember);
        return config;
    }
}
