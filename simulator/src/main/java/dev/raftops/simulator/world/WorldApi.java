package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.WriteResult;

/**
 * The simulated API server in front of the world: reads, and writes with the preconditions a real
 * API server checks (resourceVersion, UID). A failed precondition is a 409, never a partial write.
 * Every object write moves its resourceVersion. The {@code RaftCluster} resource is the world's
 * {@link ClusterResource}, the workload objects its {@link Workloads}, the Jobs its {@link JobTable}.
 */
public final class WorldApi {

    private final SimWorld w;

    WorldApi(SimWorld world) {
        this.w = world;
    }

    public ClusterDocument readCluster() {
        return w.cluster().read();
    }

    /** The status subresource: compare-and-set on the resource's resourceVersion. */
    public WriteResult compareAndSetStatus(String expectedResourceVersion, ClusterStatus next) {
        return w.cluster().compareAndSetStatus(expectedResourceVersion, next);
    }

    /** A person (or the scenario) sets {@code spec.upgrade.requests.retry}: generation and resourceVersion move. */
    public void requestRetry(String token) {
        w.cluster().edit(s -> s.withUpgrade(s.upgrade().withRequests(s.upgrade().requests().withRetry(token))),
                "retry", "token", () -> token);
    }

    /** A person sets {@code spec.upgrade.requests.promote}. */
    public void requestPromote(String token) {
        w.cluster().edit(s -> s.withUpgrade(s.upgrade().withRequests(s.upgrade().requests().withPromote(token))),
                "promote", "token", () -> token);
    }

    /** A person edits {@code spec.version}. */
    public void requestVersion(String version) {
        w.cluster().requestVersion(version);
    }

    /** Creates a blue/green StatefulSet (refused in a rolling world, which has none). */
    public WriteResult createWorkload(String statefulSet, String revision, String version, String image, int replicas,
            String joinRevision) {
        return w.workloads().createWorkload(statefulSet, revision, version, image, replicas, joinRevision);
    }

    public WriteResult deleteWorkload(String statefulSet, String uid) {
        return w.workloads().deleteWorkload(statefulSet, uid);
    }

    public WriteResult switchTraffic(String revision) {
        return w.workloads().switchTraffic(revision);
    }

    public WriteResult labelPod(String pod, String uid, String revision) {
        return w.workloads().labelPod(pod, uid, revision);
    }

    public ClusterObservation observe() {
        return w.workloads().observe(w.jobs().views());
    }

    /** What each pod's OpenBao API answers now, by pod name. */
    public java.util.Map<String, dev.raftops.domain.cluster.MemberState> members() {
        return w.workloads().members(w.now());
    }

    /** The partition lock and template image, the template's restart annotation left as it is. */
    public WriteResult lockPartitionAndSetImage(String statefulSet, int partition, String image, String expected) {
        return lockPartitionAndSetImage(statefulSet, partition, image, null, expected);
    }

    public WriteResult lockPartitionAndSetImage(String statefulSet, int partition, String image, String restartedAt,
            String expected) {
        return w.workloads().lockPartitionAndSetImage(statefulSet, partition, image, restartedAt, expected);
    }

    /** The template image alone (an OnDelete StatefulSet); only a rolling workload has one. */
    public WriteResult setImage(String statefulSet, String image, String expected) {
        return w.workloads() instanceof RollingWorkload rolling ? rolling.setImage(statefulSet, image, expected)
                : new WriteResult.NotFound("no OnDelete StatefulSet in a blue/green scenario");
    }

    public WriteResult setPartition(String statefulSet, int partition, String expected) {
        return w.workloads().setPartition(statefulSet, partition, expected);
    }

    public WriteResult deletePod(String name, String uid) {
        return w.workloads().deletePod(name, uid);
    }

    /** Sets or removes the maintenance annotation on the StatefulSet or a pod. */
    public WriteResult annotate(boolean statefulSet, String name, String annotation, boolean set) {
        return w.workloads().annotate(statefulSet, name, annotation, set);
    }

    public JobCreation createJob(JobRequest request) {
        return w.jobs().create(request);
    }

    public WriteResult deleteJob(String name) {
        return w.jobs().delete(name);
    }
}
