package dev.raftops.ports.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.RollingWorld;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Every driven port over one {@link RollingWorld}, with a resourceVersion on the custom resource,
 * a log of writes, and faults: a conflict on chosen writes, an exception from a port.
 */
final class InMemoryCluster implements StatusPort, ClusterObserver, WorkloadPort, JobPort, EventPort {

    final RollingWorld world;
    ClusterSpec spec;
    SpecReading specReading;
    ClusterStatus status = ClusterStatus.initial();
    long resourceVersion = 1;
    final List<String> writes = new ArrayList<>();
    final List<ClusterEvent> events = new ArrayList<>();
    /** {@code before->after} lock operations of every status write that changed them ("-" = free). */
    final List<String> lockTransitions = new ArrayList<>();
    IntPredicate conflictOnWrite = k -> false;
    RuntimeException failObserve;
    int writeCount;

    InMemoryCluster(RollingWorld world, ClusterSpec spec) {
        this.world = world;
        this.spec = spec;
        this.specReading = new SpecReading.Valid(spec);
    }

    void setSpec(ClusterSpec next) {
        spec = next;
        specReading = new SpecReading.Valid(next);
        resourceVersion++;
    }

    /** Counts one write; true when the fault plan makes it conflict. */
    private boolean conflicts(String what) {
        writeCount++;
        if (conflictOnWrite.test(writeCount)) {
            writes.add("CONFLICT " + what);
            return true;
        }
        return false;
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        return Optional.of(new ClusterDocument(cluster, "uid-rc", 1, Long.toString(resourceVersion), specReading, status));
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expected, ClusterStatus next) {
        if (!Long.toString(resourceVersion).equals(expected) || conflicts("status")) {
            return new WriteResult.Conflict("stale resourceVersion");
        }
        String before = status.operationLock().isHeld() ? status.operationLock().operation().name() : "-";
        String after = next.operationLock().isHeld() ? next.operationLock().operation().name() : "-";
        if (!before.equals(after)) {
            lockTransitions.add(before + "->" + after);
        }
        status = next;
        resourceVersion++;
        writes.add("status");
        return new WriteResult.Written(Long.toString(resourceVersion));
    }

    @Override
    public ClusterObservation observe(ClusterKey cluster) {
        if (failObserve != null) {
            throw failObserve;
        }
        return world.observe();
    }

    private WriteResult workload(Action action, String what) {
        if (conflicts(what) || !world.apply(action)) {
            return new WriteResult.Conflict(what);
        }
        writes.add(what);
        return new WriteResult.Written(null);
    }

    @Override
    public WriteResult lockPartitionAndSetImage(ClusterKey cluster, Action.LockPartitionAndSetImage action) {
        return workload(action, "lock-partition " + action.partition());
    }

    @Override
    public WriteResult setImage(ClusterKey cluster, Action.SetImage action) {
        return workload(action, "image " + action.image());
    }

    @Override
    public WriteResult setPartition(ClusterKey cluster, Action.SetPartition action) {
        return workload(action, "partition " + action.partition());
    }

    @Override
    public WriteResult deletePod(ClusterKey cluster, Action.DeletePod action) {
        return workload(action, "delete " + action.pod());
    }

    @Override
    public WriteResult markMaintenance(ClusterKey cluster, Action.MarkMaintenance action) {
        return workload(action, "maintenance " + action.name() + "=" + action.marked());
    }

    @Override
    public WriteResult createWorkload(ClusterKey cluster, Action.CreateWorkload action) {
        return workload(action, "create-workload " + action.statefulSet());
    }

    @Override
    public WriteResult deleteWorkload(ClusterKey cluster, Action.DeleteWorkload action) {
        return workload(action, "delete-workload " + action.statefulSet());
    }

    @Override
    public WriteResult switchTraffic(ClusterKey cluster, Action.SwitchTraffic action) {
        return workload(action, "traffic " + action.revision());
    }

    @Override
    public JobCreation createIfAbsent(ClusterKey cluster, JobRequest job) {
        if (conflicts("job " + job.name())) {
            return new JobCreation.Refused("injected conflict");
        }
        world.apply(new Action.CreateJob(job));
        writes.add("job " + job.name());
        return new JobCreation.Created();
    }

    @Override
    public WriteResult delete(ClusterKey cluster, String jobName) {
        writes.add("delete-job " + jobName);
        return new WriteResult.Written(null);
    }

    @Override
    public void emit(ClusterKey cluster, ClusterEvent event) {
        events.add(event);
    }

    long disruptiveWrites() {
        return writes.stream().filter(w -> w.startsWith("partition ") || w.startsWith("delete ")).count();
    }
}
