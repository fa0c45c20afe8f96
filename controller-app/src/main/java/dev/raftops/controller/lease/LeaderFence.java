package dev.raftops.controller.lease;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Fences every write behind leadership: a replica that is not (or no longer) the Lease holder gets
 * a conflict instead of a write, so a pass in flight when leadership is lost cannot write anything.
 */
public final class LeaderFence implements StatusPort, WorkloadPort, JobPort, EventPort {

    private static final WriteResult NOT_LEADER = new WriteResult.Conflict("not the leader: write fenced");

    private final BooleanSupplier leading;
    private final StatusPort status;
    private final WorkloadPort workload;
    private final JobPort jobs;
    private final EventPort events;

    public LeaderFence(BooleanSupplier leading, StatusPort status, WorkloadPort workload, JobPort jobs, EventPort events) {
        this.leading = leading;
        this.status = status;
        this.workload = workload;
        this.jobs = jobs;
        this.events = events;
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        return status.read(cluster);
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus next) {
        return leading.getAsBoolean() ? status.compareAndSet(cluster, expectedResourceVersion, next) : NOT_LEADER;
    }

    @Override
    public WriteResult lockPartitionAndSetImage(ClusterKey cluster, Action.LockPartitionAndSetImage action) {
        return leading.getAsBoolean() ? workload.lockPartitionAndSetImage(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult setImage(ClusterKey cluster, Action.SetImage action) {
        return leading.getAsBoolean() ? workload.setImage(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult setPartition(ClusterKey cluster, Action.SetPartition action) {
        return leading.getAsBoolean() ? workload.setPartition(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult deletePod(ClusterKey cluster, Action.DeletePod action) {
        return leading.getAsBoolean() ? workload.deletePod(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult markMaintenance(ClusterKey cluster, Action.MarkMaintenance action) {
        return leading.getAsBoolean() ? workload.markMaintenance(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult createWorkload(ClusterKey cluster, Action.CreateWorkload action) {
        return leading.getAsBoolean() ? workload.createWorkload(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult deleteWorkload(ClusterKey cluster, Action.DeleteWorkload action) {
        return leading.getAsBoolean() ? workload.deleteWorkload(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult switchTraffic(ClusterKey cluster, Action.SwitchTraffic action) {
        return leading.getAsBoolean() ? workload.switchTraffic(cluster, action) : NOT_LEADER;
    }

    @Override
    public WriteResult labelPod(ClusterKey cluster, Action.LabelPod action) {
        return leading.getAsBoolean() ? workload.labelPod(cluster, action) : NOT_LEADER;
    }

    @Override
    public JobCreation createIfAbsent(ClusterKey cluster, JobRequest job) {
        return leading.getAsBoolean() ? jobs.createIfAbsent(cluster, job) : new JobCreation.Refused("not the leader");
    }

    @Override
    public WriteResult delete(ClusterKey cluster, String jobName) {
        return leading.getAsBoolean() ? jobs.delete(cluster, jobName) : NOT_LEADER;
    }

    @Override
    public void emit(ClusterKey cluster, ClusterEvent event) {
        if (leading.getAsBoolean()) {
            events.emit(cluster, event);
        }
    }
}
