package org.onedoor.api.cluster;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * This node's membership of the hall cluster; offered by the cluster bundle while its member runs.
 *
 * <p>Thread-safe; answers from the member's current view without blocking.
 */
@ProviderType
public interface HallCluster {

    /** @return this node's id */
    String nodeId();

    /** @return the cluster's name; nodes join only clusters of the same name */
    String clusterName();

    /** @return the members currently in the cluster, this node included, oldest first */
    List<ClusterMember> members();
}
