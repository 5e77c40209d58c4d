package org.onedoor.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.hazelcast.topic.ITopic;
import java.util.UUID;
import java.util.function.Consumer;
import org.onedoor.api.cluster.ClusterMember;
import org.onedoor.api.cluster.HallBus;
import org.onedoor.api.cluster.HallCluster;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this node's embedded Hazelcast member and offers it as {@link HallCluster} and, through
 * Hazelcast topics, as the {@link HallBus} that fans messages out to every node.
 *
 * <p>The member starts during activation (a single node is ready in about a second) and
 * leaves the cluster gracefully on deactivation, so partitions migrate before it goes.
 */
@Component(service = {HallCluster.class, HallBus.class}, configurationPid = "org.onedoor.cluster",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ClusterConfig.class)
public final class HazelcastHallCluster implements HallCluster, HallBus {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastHallCluster.class);

    private final String nodeId;
    private final String clusterName;
    private final HazelcastInstance member;

    @Activate
    public HazelcastHallCluster(ClusterConfig config, BundleContext context) {
        String data = context.getProperty("karaf.data");
        this.nodeId = NodeIdentity.resolve(config.nodeId(), Path.of(data == null ? "data" : data));
        this.clusterName = config.clusterName();
        LOG.info("OneDoor cluster: starting member {} of cluster '{}' on {}:{}", nodeId, clusterName,
                config.bindAddress(), config.port());
        this.member = Hazelcast.newHazelcastInstance(
                MemberConfigFactory.create(config, nodeId, HazelcastHallCluster.class.getClassLoader()));
        LOG.info("OneDoor cluster: member {} running, {} member(s) in the cluster", nodeId,
                member.getCluster().getMembers().size());
    }

    @Deactivate
    void stop() {
        LOG.info("OneDoor cluster: member {} leaving the cluster", nodeId);
        member.shutdown();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String clusterName() {
        return clusterName;
    }

    @Override
    public List<ClusterMember> members() {
        List<ClusterMember> result = new ArrayList<>();
        if (!member.getLifecycleService().isRunning()) {
            return result;
        }
        for (Member m : member.getCluster().getMembers()) {
            String id = m.getAttribute(MemberConfigFactory.NODE_ID_ATTRIBUTE);
            result.add(new ClusterMember(id == null ? m.getUuid().toString() : id,
                    m.getAddress().getHost() + ":" + m.getAddress().getPort(), m.localMember()));
        }
        return result;
    }

    @Override
    public void publish(String channel, String message) {
        ITopic<String> topic = member.getTopic(channel);
        topic.publish(message);
    }

    @Override
    public AutoCloseable subscribe(String channel, Consumer<String> listener) {
        ITopic<String> topic = member.getTopic(channel);
        UUID registration = topic.addMessageListener(message -> listener.accept(message.getMessageObject()));
        return () -> {
            if (member.getLifecycleService().isRunning()) {
                topic.removeMessageListener(registration);
            }
        };
    }
}
