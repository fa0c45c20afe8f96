package dev.raftops.simulator;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated API server in front of the world: reads, and writes with the preconditions a real
 * API server checks (resourceVersion, UID). A failed precondition is a 409, never a partial write.
 * Every object write moves its resourceVersion.
 */
public final class WorldApi {

    private final SimWorld w;

    WorldApi(SimWorld world) {
        this.w = world;
    }

    public ClusterDocument readCluster() {
        return new ClusterDocument(w.key, "uid-raftcluster", w.crGeneration, w.crResourceVersion,
                new SpecReading.Valid(w.spec), w.status);
    }

    /** The status subresource: compare-and-set on the resource's resourceVersion. */
    public WriteResult compareAndSetStatus(String expectedResourceVersion, ClusterStatus next) {
        if (!w.crResourceVersion.equals(expectedResourceVersion)) {
            return new WriteResult.Conflict("RaftCluster " + w.key + " has resourceVersion " + w.crResourceVersion
                    + ", not " + expectedResourceVersion);
        }
        w.status = next;
        w.crResourceVersion = w.nextResourceVersion();
        traceStatus();
        return new WriteResult.Written(w.crResourceVersion);
    }

    /** A person (or the scenario) edits the spec: generation and resourceVersion move. */
    public void requestRetry(String token) {
        w.spec = w.spec.withUpgrade(w.spec.upgrade().withRequests(w.spec.upgrade().requests().withRetry(token)));
        w.crGeneration++;
        w.crResourceVersion = w.nextResourceVersion();
        w.trace.write(w.trace.line("operator").put("request", "retry").put("token", token));
        w.changed();
    }

    /** A person sets {@code spec.upgrade.requests.promote}. */
    public void requestPromote(String token) {
        w.spec = w.spec.withUpgrade(w.spec.upgrade().withRequests(w.spec.upgrade().requests().withPromote(token)));
        w.crGeneration++;
        w.crResourceVersion = w.nextResourceVersion();
        w.trace.write(w.trace.line("operator").put("request", "promote").put("token", token));
        w.changed();
    }

    /** Creates a blue/green StatefulSet (refused in a rolling world, which has none). */
    public WriteResult createWorkload(String statefulSet, String revision, String version, String image, int replicas,
            String joinRevision) {
        if (w.colours == null) {
            return new WriteResult.NotFound("no blue/green workloads in a rolling scenario");
        }
        return w.colours.createWorkload(statefulSet, revision, version, image, replicas, joinRevision);
    }

    public WriteResult deleteWorkload(String statefulSet, String uid) {
        if (w.colours == null) {
            return new WriteResult.NotFound("no blue/green workloads in a rolling scenario");
        }
        return w.colours.deleteWorkload(statefulSet, uid);
    }

    public WriteResult switchTraffic(String revision) {
        if (w.colours == null) {
            return new WriteResult.NotFound("no client Service selects a revision in a rolling scenario");
        }
        return w.colours.switchTraffic(revision);
    }

    /** A person edits {@code spec.version}. */
    public void requestVersion(String version) {
        w.spec = w.spec.withVersion(SimWorld.canonical(version), w.spec.image());
        w.crGeneration++;
        w.crResourceVersion = w.nextResourceVersion();
        w.trace.write(w.trace.line("operator").put("request", "version").put("version", w.spec.version()));
        w.changed();
    }

    public ClusterObservation observe() {
        if (w.colours != null) {
            return new ClusterObservation(
                    ClusterObservation.of(w.colours.setViews(), List.of(), List.of()).statefulSets(),
                    w.colours.podViews(), ClusterObservation.of(List.of(), List.of(),
                            w.jobs.values().stream().map(SimJob::view).toList()).jobs(), w.colours.selectors());
        }
        StatefulSetView set = w.sts.view();
        List<PodView> pods = new ArrayList<>();
        for (SimPod pod : w.pods.values()) {
            pods.add(pod.view(w.sts.name, w.raft.labelledLeader(pod.ordinal)));
        }
        return ClusterObservation.of(List.of(set), pods, w.jobs.values().stream().map(SimJob::view).toList());
    }

    public WriteResult lockPartitionAndSetImage(String statefulSet, int partition, String image, String expected) {
        WriteResult refused = preconditionOnStatefulSet(statefulSet, expected);
        if (refused != null) {
            return refused;
        }
        setPartition(partition);
        if (!image.equals(w.sts.templateImage)) {
            w.sts.templateImage = image;
            w.sts.updateRevision = w.sts.revisionOf(image);
            w.sts.imageOfRevision.put(w.sts.updateRevision, image);
            w.trace.write(w.trace.line("sts.template").put("statefulSet", statefulSet).put("image", image)
                    .put("version", SimWorld.versionOf(image)).put("write", w.writeInFlight));
        }
        return written();
    }

    public WriteResult setPartition(String statefulSet, int partition, String expected) {
        WriteResult refused = preconditionOnStatefulSet(statefulSet, expected);
        if (refused != null) {
            return refused;
        }
        setPartition(partition);
        return written();
    }

    private void setPartition(int partition) {
        if (!Objects.equals(w.sts.partition, partition)) {
            w.sts.partition = partition;
            w.trace.write(w.trace.line("sts.partition").put("statefulSet", w.sts.name).put("value", partition)
                    .put("write", w.writeInFlight));
        }
    }

    private WriteResult written() {
        w.sts.generation++;
        w.sts.resourceVersion = Long.parseLong(w.nextResourceVersion());
        w.dynamics.requestSync();
        return new WriteResult.Written(Long.toString(w.sts.resourceVersion));
    }

    private WriteResult preconditionOnStatefulSet(String statefulSet, String expected) {
        if (w.sts == null || !w.sts.name.equals(statefulSet)) {
            return new WriteResult.NotFound("StatefulSet " + statefulSet + " not found");
        }
        if (expected != null && !expected.equals(Long.toString(w.sts.resourceVersion))) {
            return new WriteResult.Conflict("StatefulSet " + statefulSet + " has resourceVersion "
                    + w.sts.resourceVersion + ", not " + expected);
        }
        return null;
    }

    public WriteResult deletePod(String name, String uid) {
        if (w.colours != null) {
            return w.colours.deletePod(name, uid);
        }
        SimPod pod = podNamed(name);
        if (pod == null) {
            return new WriteResult.NotFound("pod " + name + " not found");
        }
        if (!pod.uid.equals(uid)) {
            return new WriteResult.Conflict("pod " + name + " has UID " + pod.uid + ", not " + uid);
        }
        if (!pod.terminating()) {
            w.dynamics.delete(pod, "controller");
        }
        return new WriteResult.Written(null);
    }

    /** Sets or removes the maintenance annotation on the StatefulSet or a pod. */
    public WriteResult annotate(boolean statefulSet, String name, String annotation, boolean set) {
        Map<String, String> annotations;
        if (w.colours != null) {
            return new WriteResult.NotFound("maintenance marks are not simulated on blue/green workloads");
        }
        if (statefulSet) {
            if (!w.sts.name.equals(name)) {
                return new WriteResult.NotFound("StatefulSet " + name + " not found");
            }
            annotations = w.sts.annotations;
            w.sts.resourceVersion = Long.parseLong(w.nextResourceVersion());
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

    public JobCreation createJob(JobRequest request) {
        if (w.jobs.containsKey(request.name())) {
            return new JobCreation.AlreadyExists();
        }
        w.jobsCreated++;
        boolean fails = w.scenario.faults().contains(new Fault.JobFailure(w.jobsCreated));
        SimJob job = new SimJob(request, w.clock.instant(), fails);
        w.jobs.put(request.name(), job);
        w.trace.write(w.trace.line("job.created").put("job", request.name()).put("action",
                request.action().wireName()));
        if (fails) {
            w.trace.write(w.trace.line("fault").put("fault", "job-failure").put("job", request.name()));
        }
        if (w.colours != null) {
            w.colours.run(job);
        } else {
            w.dynamics.run(job);
        }
        return new JobCreation.Created();
    }

    public WriteResult deleteJob(String name) {
        return w.jobs.remove(name) == null ? new WriteResult.NotFound("job " + name + " not found")
                : new WriteResult.Written(null);
    }

    private SimPod podNamed(String name) {
        for (SimPod pod : w.pods.values()) {
            if (pod.name.equals(name)) {
                return pod;
            }
        }
        return null;
    }

    /** Writes a {@code status} trace line when a field the checkers read changed. */
    void traceStatus() {
        ClusterStatus s = w.status;
        String lock = s.operationLock().isHeld() ? s.operationLock().operation().name() : null;
        Integer partition = s.upgrade() == null ? null : s.upgrade().currentPartition();
        String blueGreen = s.blueGreen() == null ? null : s.blueGreen().phase().name();
        String failure = s.upgrade() == null || s.upgrade().failure() == null ? null : s.upgrade().failure().reason();
        String summary = s.phase() + "|" + s.currentVersion() + "|" + partition + "|" + lock + "|" + blueGreen + "|"
                + s.breakGlass().active() + "|" + failure;
        if (summary.equals(w.lastStatusSummary)) {
            return;
        }
        w.lastStatusSummary = summary;
        w.trace.write(w.trace.line("status").put("phase", s.phase().name()).put("currentVersion", s.currentVersion())
                .put("partition", partition).put("lock", lock).put("blueGreenPhase", blueGreen)
                .put("breakGlass", s.breakGlass().active()).put("failure", failure));
    }
}
