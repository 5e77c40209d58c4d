package org.onedoor.api.cluster;

/**
 * One hall node in the cluster.
 *
 * @param nodeId  the node's configured or generated id
 * @param address host and port of its cluster endpoint
 * @param local   true for the node answering
 */
public record ClusterMember(String nodeId, String address, boolean local) {
}
