package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.ports.driven.WriteResult;
import java.util.List;

/**
 * The workloads of a {@link SimWorld}: the StatefulSets, their pods and the Raft inside them, with
 * the kubelet and the StatefulSet controller that move them. A rolling cluster has one StatefulSet
 * ({@link RollingWorkload}); a blue/green one a StatefulSet per colour ({@link ColourWorld}). A write
 * a kind of workload has no object for answers NotFound, as an API server would.
 */
interface Workloads {

    /** The starting cluster: every pod Ready on {@code fromVersion}, the scenario's leader elected. */
    void start();

    /** What an observation reports: StatefulSets, pods, client Service selectors and {@code jobs}. */
    ClusterObservation observe(List<JobView> jobs);

    /** What each pod's OpenBao API answers now ({@link ApiAnswers}), by pod name. */
    java.util.Map<String, dev.raftops.domain.cluster.MemberState> members(java.time.Instant at);

    WriteResult lockPartitionAndSetImage(String statefulSet, int partition, String image, String restartedAt,
            String expected);

    WriteResult setPartition(String statefulSet, int partition, String expected);

    WriteResult deletePod(String name, String uid);

    /** Sets or removes the maintenance annotation on a StatefulSet or a pod. */
    WriteResult annotate(boolean statefulSet, String name, String annotation, boolean set);

    /** A colour's StatefulSet; a rolling workload has none (NotFound, as an API server would answer). */
    default WriteResult createWorkload(String statefulSet, String revision, String version, String image,
            int replicas, String joinRevision) {
        return new WriteResult.NotFound("no blue/green workloads in a rolling scenario");
    }

    default WriteResult deleteWorkload(String statefulSet, String uid) {
        return new WriteResult.NotFound("no blue/green workloads in a rolling scenario");
    }

    default WriteResult switchTraffic(String revision) {
        return new WriteResult.NotFound("no client Service selects a revision in a rolling scenario");
    }

    /** Sets a pod's traffic label, if the pod still has {@code uid}. */
    WriteResult labelPod(String pod, String uid, String revision);

    /** An executor Job was created: it runs, then acts on the Raft (or fails). */
    void run(SimJob job);

    /** The leader's ordinal, or null while there is none. */
    Integer leader();

    /** The current Raft term. */
    long term();

    /** Every pod runs {@code version}, Ready, and the workload agrees it has converged. */
    boolean runsEverywhere(String version);

    /** Blue/green: exactly one colour with all its pods and no other pod left over. */
    boolean oneColourSettled();

    /** Sorted names of the pods and what they run, for messages. */
    List<String> podSummary();
}
