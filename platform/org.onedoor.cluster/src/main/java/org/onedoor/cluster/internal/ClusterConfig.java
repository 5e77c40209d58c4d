package org.onedoor.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the node's cluster member, PID {@code org.onedoor.cluster} ({@code etc/org.onedoor.cluster.cfg}). */
@ObjectClassDefinition(name = "OneDoor cluster", description = "How this hall node finds the other nodes")
public @interface ClusterConfig {

    @AttributeDefinition(description = "Nodes join only a cluster of the same name")
    String clusterName() default "onedoor-hall";

    @AttributeDefinition(description = "This node's id; empty: generated once and kept in data/onedoor/node-id")
    String nodeId() default "";

    @AttributeDefinition(description = "Interface the member binds to and advertises")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(description = "Port of this member")
    int port() default 5701;

    @AttributeDefinition(description = "Members to join over TCP-IP, comma-separated host:port (each port listed, no ranges). "
            + "Empty: this node alone")
    String members() default "";

    @AttributeDefinition(description = "Seconds without a heartbeat before a member is taken as gone")
    int failureDetectionSeconds() default 5;
}
