package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.gates.MaintenanceMarks;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.MemberProbe;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.faults.ControllerCrash;
import dev.raftops.simulator.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every driven port over one {@link SimWorld}, so the real {@code AdminOpsService} runs inside
 * it. This is where the counted faults strike: the k-th write conflicts, crashes the controller
 * before it is applied or right after, the k-th read is served from a stale cache.
 *
 * <p>Writes are counted across all ports (status, StatefulSet, pods, Jobs); Events are not
 * writes a crash point is interesting after, and are only recorded.
 */
public final class SimulatedPorts implements StatusPort, ClusterObserver, MemberProbe, WorkloadPort, JobPort, EventPort {

    private final SimWorld world;
    private final List<ClusterEvent> events = new ArrayList<>();
    private int writes;
    private int reads;
    private ClusterDocument lastDocument;
    private ClusterObservation lastObservation;

    public SimulatedPorts(SimWorld world) {
        this.world = world;
    }

    /** Writes the controllers attempted so far (the W of a crash test). */
    public int writes() {
        return writes;
    }

    public List<ClusterEvent> events() {
        return List.copyOf(events);
    }

    private <T> T write(String what, Supplier<T> conflict, Supplier<T> apply) {
        int k = ++writes;
        world.writeInFlight(k);
        if (world.scenario().faults().contains(new Fault.ConflictOnWrite(k))) {
            world.trace().write(world.trace().line("fault").put("fault", "conflict").put("write", k).put("on", what));
            return conflict.get();
        }
        if (world.scenario().faults().contains(new Fault.CrashBeforeWrite(k))) {
            world.trace().write(world.trace().line("fault").put("fault", "controller-crash").put("write", k).put("before",
                    what));
            throw new ControllerCrash(k);
        }
        T result = apply.get();
        if (world.scenario().faults().contains(new Fault.CrashAfterWrite(k))) {
            world.trace().write(world.trace().line("fault").put("fault", "controller-crash").put("write", k).put("after",
                    what));
            throw new ControllerCrash(k);
        }
        return result;
    }

    private WriteResult conditioned(String what, Supplier<WriteResult> apply) {
        return write(what, () -> new WriteResult.Conflict("injected 409 on " + what), apply);
    }

    private boolean staleRead(String what) {
        int k = ++reads;
        if (world.scenario().faults().contains(new Fault.StaleRead(k))) {
            world.trace().write(world.trace().line("fault").put("fault", "stale-read").put("read", k).put("on", what));
            return true;
        }
        return false;
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        if (staleRead("RaftCluster") && lastDocument != null) {
            return Optional.of(lastDocument);
        }
        lastDocument = world.api().readCluster();
        return Optional.of(lastDocument);
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
        return conditioned("status", () -> world.api().compareAndSetStatus(expectedResourceVersion, status));
    }

    @Override
    public ClusterObservation observe(ClusterKey cluster) {
        if (staleRead("observation") && lastObservation != null) {
            return lastObservation;
        }
        lastObservation = world.api().observe();
        return lastObservation;
    }

    /** Straight from the model: what each pod's API answers now (never a stale read: the probe is not an API server read). */
    @Override
    public java.util.Map<String, dev.raftops.domain.cluster.MemberState> probe(ClusterKey cluster, java.util.List<String> pods,
            dev.raftops.domain.resource.TlsSpec tls) {
        java.util.Map<String, dev.raftops.domain.cluster.MemberState> all = world.api().members();
        java.util.Map<String, dev.raftops.domain.cluster.MemberState> out = new java.util.TreeMap<>();
        for (String pod : pods) {
            if (all.containsKey(pod)) {
                out.put(pod, outage(pod, all.get(pod)));
            }
        }
        return out;
    }

    /** {@code answer}, unless an {@link Fault.ApiOutage} holds the pod's API now. */
    private dev.raftops.domain.cluster.MemberState outage(String pod, dev.raftops.domain.cluster.MemberState answer) {
        long second = java.time.Duration.between(world.clock().start(), world.clock().instant()).toSeconds();
        Integer ordinal = dev.raftops.simulator.model.RaftMembership.ordinal(pod);
        for (Fault fault : world.scenario().faults()) {
            if (fault instanceof Fault.ApiOutage o && ordinal != null && o.ordinal() == ordinal && second >= o.at()
                    && second < o.at() + o.seconds()) {
                return o.sealed() ? new dev.raftops.domain.cluster.MemberState(true, false, true, true,
                        answer.version(), null, null, answer.probedAt(), null)
                        : dev.raftops.domain.cluster.MemberState.failed(answer.probedAt(), "sys/health: connection refused");
            }
        }
        return answer;
    }

    @Override
    public WriteResult lockPartitionAndSetImage(ClusterKey cluster, Action.LockPartitionAndSetImage a) {
        return conditioned("lock-partition", () -> world.api().lockPartitionAndSetImage(a.statefulSet(),
                a.partition(), a.image(), a.restartedAt(), a.resourceVersion()));
    }

    @Override
    public WriteResult setImage(ClusterKey cluster, Action.SetImage a) {
        return conditioned("image", () -> world.api().setImage(a.statefulSet(), a.image(), a.resourceVersion()));
    }

    @Override
    public WriteResult setPartition(ClusterKey cluster, Action.SetPartition a) {
        return conditioned("partition", () -> world.api().setPartition(a.statefulSet(), a.partition(),
                a.resourceVersion()));
    }

    @Override
    public WriteResult deletePod(ClusterKey cluster, Action.DeletePod a) {
        return conditioned("delete-pod", () -> world.api().deletePod(a.pod(), a.uid()));
    }

    @Override
    public WriteResult markMaintenance(ClusterKey cluster, Action.MarkMaintenance a) {
        return conditioned("maintenance", () -> world.api().annotate(
                a.target() == Action.MarkMaintenance.Target.STATEFUL_SET, a.name(), MaintenanceMarks.ANNOTATION,
                a.marked()));
    }

    @Override
    public WriteResult createWorkload(ClusterKey cluster, Action.CreateWorkload a) {
        return conditioned("create-workload", () -> world.api().createWorkload(a.statefulSet(), a.revision(),
                a.version(), a.image(), a.replicas(), a.joinRevision()));
    }

    @Override
    public WriteResult deleteWorkload(ClusterKey cluster, Action.DeleteWorkload a) {
        return conditioned("delete-workload", () -> world.api().deleteWorkload(a.statefulSet(), a.uid()));
    }

    @Override
    public WriteResult switchTraffic(ClusterKey cluster, Action.SwitchTraffic a) {
        return conditioned("switch-traffic", () -> world.api().switchTraffic(a.revision()));
    }

    @Override
    public WriteResult labelPod(ClusterKey cluster, Action.LabelPod a) {
        return conditioned("label-pod", () -> world.api().labelPod(a.pod(), a.uid(), a.revision()));
    }

    /** An injected failure on Job creation is refused without creating anything; the pass decides again. */
    @Override
    public JobCreation createIfAbsent(ClusterKey cluster, JobRequest job) {
        return write("create-job", () -> new JobCreation.Refused("injected 409 on create-job"),
                () -> world.api().createJob(job));
    }

    @Override
    public WriteResult delete(ClusterKey cluster, String jobName) {
        return conditioned("delete-job", () -> world.api().deleteJob(jobName));
    }

    @Override
    public void emit(ClusterKey cluster, ClusterEvent event) {
        events.add(event);
    }
}
