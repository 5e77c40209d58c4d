package org.onedoor.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Two real members on 127.0.0.1 built from the node configuration find each other over TCP-IP. */
class TwoMemberClusterTest {

    @Test
    void membersListedInEachOthersConfigFormOneCluster() throws Exception {
        int portA = freePort();
        int portB = freePort();
        HazelcastInstance a = Hazelcast.newHazelcastInstance(
                MemberConfigFactory.create(config(portA, "127.0.0.1:" + portB), "test-a", getClass().getClassLoader()));
        HazelcastInstance b = Hazelcast.newHazelcastInstance(
                MemberConfigFactory.create(config(portB, "127.0.0.1:" + portA), "test-b", getClass().getClassLoader()));
        try {
            Set<String> ids = new TreeSet<>();
            a.getCluster().getMembers().forEach(m -> ids.add(m.getAttribute(MemberConfigFactory.NODE_ID_ATTRIBUTE)));
            assertEquals(Set.of("test-a", "test-b"), ids);
            assertEquals(2, b.getCluster().getMembers().size());
        } finally {
            b.shutdown();
            a.shutdown();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static ClusterConfig config(int port, String members) {
        return new ClusterConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ClusterConfig.class; }
            @Override public String clusterName() { return "onedoor-test-" + ProcessHandle.current().pid(); }
            @Override public String nodeId() { return ""; }
            @Override public String bindAddress() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public String members() { return members; }
            @Override public int failureDetectionSeconds() { return 5; }
        };
    }
}
