package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Every object the workload reconciliation keeps for a cluster, in the order it writes them: the
 * identities first (so the pods' service account exists before the pods), the server configuration,
 * the StatefulSet (the rolling one, or the initial Blue of a blue/green cluster), the Services and the
 * PodDisruptionBudget. {@code raftops render} prints this list.
 */
final class WorkloadObjects {

    private WorkloadObjects() {
    }

    /**
     * @param statefulSet the StatefulSet to render with it (from {@link #statefulSet}), or null to leave
     *     it and its configuration out (a blue/green cluster whose StatefulSets Day 2 now owns)
     */
    static List<HasMetadata> of(ClusterKey cluster, String ownerUid, StatefulSet statefulSet, WorkloadSpec workload,
            AdapterSettings settings) {
        List<HasMetadata> out = new ArrayList<>();
        out.add(WorkloadIdentity.serverServiceAccount(cluster, ownerUid));
        out.add(WorkloadIdentity.serverRole(cluster, ownerUid));
        out.add(WorkloadIdentity.serverRoleBinding(cluster, ownerUid));
        if (workload.createsExecutorAccount()) {
            out.add(WorkloadIdentity.executorServiceAccount(cluster, ownerUid, settings));
        }
        if (statefulSet != null) {
            String name = statefulSet.getMetadata().getName();
            out.add(OpenBaoConfig.configMap(cluster, ownerUid, name, statefulSet.getSpec().getReplicas(), true,
                    workload, settings));
            out.add(statefulSet);
        }
        out.add(WorkloadRendering.headlessService(cluster, ownerUid, settings));
        out.add(WorkloadRendering.clientService(cluster, ownerUid, settings));
        out.add(WorkloadRendering.disruptionBudget(cluster, ownerUid));
        return out;
    }

    /** The StatefulSet a cluster starts with: the initial Blue under BlueGreen, else the rolling one. */
    static StatefulSet statefulSet(ClusterKey cluster, String ownerUid, ClusterSpec spec, ClusterStatus status,
            WorkloadSpec workload, AdapterSettings settings) {
        StatefulSet blue = WorkloadRendering.initialBlue(cluster, ownerUid, spec, status, workload, settings);
        return blue != null ? blue : WorkloadRendering.statefulSet(cluster, ownerUid, spec, status, workload, settings);
    }
}
