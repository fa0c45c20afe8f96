package dev.raftops.ports.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;

/** Performs one action through the driven port that owns it. */
public record ActionRunner(WorkloadPort workload, JobPort jobs, EventPort events) {

    /** The write's answer; a Job that already exists and a Job already deleted count as written. */
    public WriteResult run(ClusterKey cluster, Action action) {
        if (action instanceof Action.LockPartitionAndSetImage a) {
            return workload.lockPartitionAndSetImage(cluster, a);
        } else if (action instanceof Action.SetImage a) {
            return workload.setImage(cluster, a);
        } else if (action instanceof Action.SetPartition a) {
            return workload.setPartition(cluster, a);
        } else if (action instanceof Action.DeletePod a) {
            return workload.deletePod(cluster, a);
        } else if (action instanceof Action.MarkMaintenance a) {
            return workload.markMaintenance(cluster, a);
        } else if (action instanceof Action.CreateWorkload a) {
            return workload.createWorkload(cluster, a);
        } else if (action instanceof Action.DeleteWorkload a) {
            return workload.deleteWorkload(cluster, a);
        } else if (action instanceof Action.SwitchTraffic a) {
            return workload.switchTraffic(cluster, a);
        } else if (action instanceof Action.LabelPod a) {
            return workload.labelPod(cluster, a);
        } else if (action instanceof Action.CreateJob a) {
            JobCreation created = jobs.createIfAbsent(cluster, a.job());
            if (created instanceof JobCreation.Refused refused) {
                return new WriteResult.Conflict("job " + a.job().name() + " refused: " + refused.reason());
            }
            return new WriteResult.Written(null);
        } else if (action instanceof Action.DeleteJob a) {
            WriteResult r = jobs.delete(cluster, a.job());
            return r instanceof WriteResult.NotFound ? new WriteResult.Written(null) : r;
        } else if (action instanceof Action.Emit a) {
            events.emit(cluster, a.event());
            return new WriteResult.Written(null);
        }
        throw new IllegalArgumentException("unknown action " + action);
    }
}
