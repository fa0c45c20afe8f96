package dev.raftops.domain.cluster;

import java.util.Objects;

/** Identifies one {@code RaftCluster}: its namespace and name. */
public record ClusterKey(String namespace, String name) implements Comparable<ClusterKey> {

    public ClusterKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("cluster name must not be blank");
        }
    }

    @Override
    public int compareTo(ClusterKey o) {
        int c = namespace.compareTo(o.namespace);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** {@code namespace/name}, the form used in traces, logs and audit fields. */
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
