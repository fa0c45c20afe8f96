package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.model.Versions;
import dev.raftops.simulator.trace.TraceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rolling cluster's workload: one StatefulSet (RollingUpdate with a partition, OrderedReady), its
 * pods and the Raft group inside them ({@link SimRaft}); {@link WorldDynamics} moves them. The API
 * writes a rolling controller makes land here; blue/green writes answer NotFound.
 */
final class RollingWorkload implements Workloads {

    private final SimWorld w;
    private final SimStatefulSet sts;
    private final SortedMap<Integer, SimPod> pods = new TreeMap<>();
    private final SimRaft raft;
    private final WorldDynamics dynamics;
    private final RollingJobs jobs;

    RollingWorkload(SimWorld world, String image) {
        this.w = world;
        this.sts = new SimStatefulSet(SimWorld.NAME, world.nextUid(), world.scenario().replicas(), image,
                world.scenario().adoptedOnDelete());
        this.sts.resourceVersion = Long.parseLong(world.nextResourceVersion());
        this.raft = new SimRaft(world, sts.name, sts.replicas);
        this.dynamics = new WorldDynamics(world, sts, pods, raft);
        this.jobs = new RollingJobs(world, pods, raft);
    }

    @Override
    public void start() {
        dynamics.start();
    }

    @Override
    public ClusterObservation observe(List<JobView> jobs) {
        List<PodView> views = new ArrayList<>();
        for (SimPod pod : pods.values()) {
            views.add(pod.view(sts.name, raft.labelledLeader(pod.ordinal), raft.lag(pod.ordinal)));
        }
        return ClusterObservation.of(List.of(sts.view()), views, jobs);
    }

    @Override
    public Map<String, dev.raftops.domain.cluster.MemberState> members(java.time.Instant at) {
        Map<String, dev.raftops.domain.cluster.MemberState> out = new TreeMap<>();
        for (SimPod pod : pods.values()) {
            out.put(pod.name, ApiAnswers.of(pod, raft.lag(pod.ordinal) != null, raft.leads(pod.ordinal),
                    raft.lag(pod.ordinal), at));
        }
        return out;
    }

    @Override
    public WriteResult lockPartitionAndSetImage(String statefulSet, int partition, String image, String restartedAt,
            String expected) {
        WriteResult refused = precondition(statefulSet, expected);
        if (refused != null) {
            return refused;
        }
        setPartition(partition);
        template(image, restartedAt);
        return written();
    }

    /** An OnDelete StatefulSet's image: nothing rolls by itself, the pods deleted come back on it. */
    WriteResult setImage(String statefulSet, String image, String expected) {
        WriteResult refused = precondition(statefulSet, expected);
        if (refused != null) {
            return refused;
        }
        template(image, null);
        return written();
    }

    private void template(String image, String restartedAt) {
        // a null restartedAt leaves the template's restart annotation as it is
        String annotation = restartedAt == null ? sts.templateRestartedAt : restartedAt;
        if (!image.equals(sts.templateImage) || !Objects.equals(annotation, sts.templateRestartedAt)) {
            sts.templateImage = image;
            sts.templateRestartedAt = annotation;
            sts.updateRevision = sts.revisionOf(image, annotation);
            sts.imageOfRevision.put(sts.updateRevision, image);
            if (annotation != null) {
                sts.restartOfRevision.put(sts.updateRevision, annotation);
            }
            TraceLine line = w.trace().line("sts.template").put("statefulSet", sts.name).put("image", image)
                    .put("version", Versions.ofImage(image));
            if (annotation != null) {
                line.put("restartedAt", annotation);
            }
            w.trace().write(line.put("write", w.writeInFlight()));
        }
    }

    @Override
    public WriteResult setPartition(String statefulSet, int partition, String expected) {
        WriteResult refused = precondition(statefulSet, expected);
        if (refused != null) {
            return refused;
        }
        setPartition(partition);
        return written();
    }

    private void setPartition(int partition) {
        if (!Objects.equals(sts.partition, partition)) {
            sts.partition = partition;
            w.trace().write(w.trace().line("sts.partition").put("statefulSet", sts.name).put("value", partition)
                    .put("write", w.writeInFlight()));
        }
    }

    private WriteResult written() {
        sts.generation++;
        sts.resourceVersion = Long.parseLong(w.nextResourceVersion());
        dynamics.requestSync();
        return new WriteResult.Written(Long.toString(sts.resourceVersion));
    }

    private WriteResult precondition(String statefulSet, String expected) {
        if (!sts.name.equals(statefulSet)) {
            return new WriteResult.NotFound("StatefulSet " + statefulSet + " not found");
        }
        if (expected != null && !expected.equals(Long.toString(sts.resourceVersion))) {
            return new WriteResult.Conflict("StatefulSet " + statefulSet + " has resourceVersion "
                    + sts.resourceVersion + ", not " + expected);
        }
        return null;
    }

    @Override
    public WriteResult deletePod(String name, String uid) {
        SimPod pod = podNamed(name);
        if (pod == null) {
            return new WriteResult.NotFound("pod " + name + " not found");
        }
        if (!pod.uid.equals(uid)) {
            return new WriteResult.Conflict("pod " + name + " has UID " + pod.uid + ", not " + uid);
        }
        if (!pod.terminating()) {
            dynamics.delete(pod, "controller");
        }
        return new WriteResult.Written(null);
    }

    @Override
    public WriteResult annotate(boolean statefulSet, String name, String annotation, boolean set) {
        Map<String, String> annotations;
        if (statefulSet) {
            if (!sts.name.equals(name)) {
                return new WriteResult.NotFound("StatefulSet " + name + " not found");
            }
            annotations = sts.annotations;
            sts.resourceVersion = Long.parseLong(w.nextResourceVersion());
        } else {
            SimPod pod = podNamed(name);
            if (pod == null) {
                return new WriteResult.NotFound("pod " + name + " not found");
            }
            annotations = pod.annotations;
        }
        if (set) {
            annotations.put(annotation, "true");
        } else {
            annotations.remove(annotation);
        }
        return new WriteResult.Written(null);
    }

    @Override
    public WriteResult labelPod(String name, String uid, String revision) {
        SimPod pod = podNamed(name);
        return pod == null ? new WriteResult.NotFound("pod " + name + " not found") : pod.label(uid, revision, w);
    }

    @Override
    public void run(SimJob job) {
        jobs.run(job);
    }

    @Override
    public Integer leader() {
        return raft.leader();
    }

    @Override
    public long term() {
        return raft.term();
    }

    @Override
    public boolean runsEverywhere(String version) {
        if (pods.size() != sts.replicas) {
            return false;
        }
        for (SimPod pod : pods.values()) {
            if (!pod.ready() || !Versions.same(pod.version, version)) {
                return false;
            }
        }
        // under OnDelete the StatefulSet never moves currentRevision (kubernetes/kubernetes#73492)
        return (sts.onDelete || sts.currentRevision.equals(sts.updateRevision)) && sts.updatedReplicas == sts.replicas;
    }

    @Override
    public boolean oneColourSettled() {
        return false;
    }

    @Override
    public List<String> podSummary() {
        List<String> out = new ArrayList<>();
        for (SimPod pod : pods.values()) {
            out.add(pod.name + "=" + pod.version + "/" + pod.state + (raft.leads(pod.ordinal) ? "*" : ""));
        }
        return out;
    }

    private SimPod podNamed(String name) {
        for (SimPod pod : pods.values()) {
            if (pod.name.equals(name)) {
                return pod;
            }
        }
        return null;
    }
}
