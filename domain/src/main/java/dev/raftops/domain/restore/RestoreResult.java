package dev.raftops.domain.restore;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.ClusterStatus;
import java.util.List;

/**
 * One restore decision. The caller writes in this order: the cluster's status (the lock, and the
 * roll a restore asks for) with its resourceVersion as precondition, then the actions (the Job,
 * Events), then the restore's status; a refused cluster write decides again from a fresh read.
 *
 * @param clusterStatus the cluster's next status; null when the cluster's status does not change
 * @param finalizer whether the {@code RaftRestore} must carry the finalizer (it may hold the lock)
 */
public record RestoreResult(RestoreStatus status, ClusterStatus clusterStatus, List<Action> actions, Wake wake,
        boolean finalizer) {

    public RestoreResult {
        actions = List.copyOf(actions);
    }
}
