package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import java.util.Map;
import java.util.TreeMap;

/** Label and annotation names raftops puts on (and reads from) the objects it manages. */
final class Labels {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "raftops";
    static final String INSTANCE = "app.kubernetes.io/instance";
    static final String CLUSTER = "raftops.dev/cluster";
    /** Names the StatefulSet a pod belongs to, so the selectors of blue, green and the main workload never overlap. */
    static final String STATEFUL_SET = "raftops.dev/statefulset";
    static final String REVISION = "raftops.dev/revision";
    static final String ACTION = "raftops.dev/action";
    /** {@code client} or {@code headless} on the cluster's Services. */
    static final String SERVICE_ROLE = "raftops.dev/service";
    /** The workload version a pod reports (label or annotation). */
    static final String VERSION = "raftops.dev/version";
    /** {@code "false"} on a pod that is not a Raft voter (a green pod before promotion). */
    static final String VOTER = "raftops.dev/voter";
    /** The revision a green StatefulSet joins (its blue). */
    static final String JOIN_REVISION = "raftops.dev/join-revision";
    static final String REVISION_HASH = "controller-revision-hash";
    /** Event annotations carrying the audit fields: {@code raftops.dev/audit.<field>}. */
    static final String AUDIT_PREFIX = "raftops.dev/audit.";

    private Labels() {
    }

    /** Labels every object of the cluster carries. */
    static Map<String, String> of(ClusterKey cluster) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(INSTANCE, cluster.name());
        labels.put(CLUSTER, cluster.name());
        return labels;
    }

    /** The equality selector of everything raftops manages for the cluster. */
    static Map<String, String> selector(ClusterKey cluster) {
        return Map.of(CLUSTER, cluster.name(), MANAGED_BY, MANAGER);
    }
}
