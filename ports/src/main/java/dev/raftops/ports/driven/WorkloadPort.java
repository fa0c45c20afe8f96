package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;

/**
 * Driven port: writes to the workload. Each write carries the precondition its action names
 * (resourceVersion or UID); a failed precondition is a {@link WriteResult.Conflict}, not a write.
 */
public interface WorkloadPort {

    WriteResult lockPartitionAndSetImage(ClusterKey cluster, Action.LockPartitionAndSetImage action);

    WriteResult setPartition(ClusterKey cluster, Action.SetPartition action);

    /** Sets only the template image (an {@code OnDelete} StatefulSet), conditioned on its resourceVersion. */
    WriteResult setImage(ClusterKey cluster, Action.SetImage action);

    WriteResult deletePod(ClusterKey cluster, Action.DeletePod action);

    WriteResult markMaintenance(ClusterKey cluster, Action.MarkMaintenance action);

    WriteResult createWorkload(ClusterKey cluster, Action.CreateWorkload action);

    WriteResult deleteWorkload(ClusterKey cluster, Action.DeleteWorkload action);

    WriteResult switchTraffic(ClusterKey cluster, Action.SwitchTraffic action);

    /** Sets a pod's traffic label ({@code raftops.dev/revision}), conditioned on its UID. */
    WriteResult labelPod(ClusterKey cluster, Action.LabelPod action);
}
