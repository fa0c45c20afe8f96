package dev.raftops.simulator.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.world.SimulatedPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The driven ports of a service test: the {@code RaftCluster} resource held here (a spec the test
 * edits freely, the status with a resourceVersion), the workload, observation and Jobs of a
 * simulated world ({@link SimulatedPorts}), a log of every write, and the faults the test plans: a
 * conflict on chosen writes, an exception from the observer. It models no cluster rule of its own.
 */
final class RecordedCluster implements StatusPort, ClusterObserver, WorkloadPort, JobPort, EventPort {

    private final SimulatedPorts world;
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

    RecordedCluster(SimulatedPorts world, ClusterSpec spec) {
        this.world = world;
        setSpec(spec);
        this.resourceVersion = 1;
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
        return world.observe(cluster);
    }

    private WriteResult workload(String what, Supplier<WriteResult> write) {
        if (conflicts(what)) {
            return new WriteResult.Conflict(what);
        }
        WriteResult result = write.get();
        if (result.written()) {
            writes.add(what);
        }
        return result;
    }

    @Override
    public WriteResult lockPartitionAndSetImage(ClusterKey cluster, Action.LockPartitionAndSetImage action) {
        return workload("lock-partition " + action.partition(), () -> world.lockPartitionAndSetImage(cluster, action));
    }

    @Override
    public WriteResult setImage(ClusterKey cluster, Action.SetImage action) {
        return workload("image " + action.image(), () -> world.setImage(cluster, action));
    }

    @Override
    public WriteResult setPartition(ClusterKey cluster, Action.SetPartition action) {
        return workload("partition " + action.partition(), () -> world.setPartition(cluster, action));
    }

    @Override
    public WriteResult deletePod(ClusterKey cluster, Action.DeletePod action) {
        return workload("delete " + action.pod(), () -> world.deletePod(cluster, action));
    }

    @Override
    public WriteResult markMaintenance(ClusterKey cluster, Action.MarkMaintenance action) {
        return workload("maintenance " + action.name() + "=" + action.marked(),
                () -> world.markMaintenance(cluster, action));
    }

    @Override
    public WriteResult createWorkload(ClusterKey cluster, Action.CreateWorkload action) {
        return workload("create-workload " + action.statefulSet(), () -> world.createWorkload(cluster, action));
    }

    @Override
    public WriteResult deleteWorkload(ClusterKey cluster, Action.DeleteWorkload action) {
        return workload("delete-workload " + action.statefulSet(), () -> world.deleteWorkload(cluster, action));
    }

    @Override
    public WriteResult switchTraffic(ClusterKey cluster, Action.SwitchTraffic action) {
        return workload("traffic " + action.revision(), () -> world.switchTraffic(cluster, action));
    }

    @Override
    public WriteResult labelPod(ClusterKey cluster, Action.LabelPod action) {
        return workload("label " + action.pod(), () -> world.labelPod(cluster, action));
    }

    @Override
    public JobCreation createIfAbsent(ClusterKey cluster, JobRequest job) {
        if (conflicts("job " + job.name())) {
            return new JobCreation.Refused("injected conflict");
        }
        JobCreation created = world.createIfAbsent(cluster, job);
        writes.add("job " + job.name());
        return created;
    }

    @Override
    public WriteResult delete(ClusterKey cluster, String jobName) {
        writes.add("delete-job " + jobName);
        return world.delete(cluster, jobName);
    }

    @Override
    public void emit(ClusterKey cluster, ClusterEvent event) {
        events.add(event);
    }

    long disruptiveWrites() {
        return writes.stream().filter(w -> w.startsWith("partition ") || w.startsWith("delete ")).count();
    }
}
