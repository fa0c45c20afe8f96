package dev.raftops.simulator.runtime;

import dev.raftops.simulator.openbao.ServedPods;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The kubelet of one {@link PlayedStatefulSet}'s pods: a pod is Ready a start-up delay after it was
 * created (or its container restarted after a crash) and has caught up with the leader's log a
 * delay after that; the {@code pod-never-ready} fault holds a pod of a new revision back.
 */
final class PlayedKubelet {

    private final PodWrites api;
    private final Trace trace;
    private final Duration readyDelay;
    private final String statefulSet;
    private final PlayedRaft raft;
    private final Supplier<RuntimeFaults> faults;
    private final Set<String> stuckTraced = new TreeSet<>();

    PlayedKubelet(PodWrites api, Trace trace, Duration readyDelay, String statefulSet, PlayedRaft raft,
            Supplier<RuntimeFaults> faults) {
        this.api = api;
        this.trace = trace;
        this.readyDelay = readyDelay;
        this.statefulSet = statefulSet;
        this.raft = raft;
        this.faults = faults;
    }

    /** One kubelet round over {@code pods}; {@code firstRevision} is the one the set was first played with. */
    void play(Collection<PlayedPod> pods, String firstRevision, Instant now) {
        for (PlayedPod pod : pods) {
            String podName = statefulSet + "-" + pod.ordinal;
            apiFault(pod, podName, firstRevision);
            Instant started = pod.restartedAt != null ? pod.restartedAt : pod.createdAt;
            if (pod.readyAt == null && !now.isBefore(started.plus(readyDelay)) && !stuck(pod, firstRevision)) {
                pod.readyAt = now;
                pod.lag = 100;
                api.ready(podName, now, pod.lag);
                trace.write(trace.line("pod.ready").put("pod", podName).put("ordinal", pod.ordinal)
                        .put("version", pod.version));
                if (pod.api != ServedPods.Answer.SEALED) {
                    raft.ready(podName);
                }
                raft.lag(podName, pod.lag);
                pod.member = null;
            } else if (!raft.reportsLag() && pod.readyAt != null && pod.lag > 0
                    && !now.isBefore(pod.readyAt.plus(readyDelay))) {
                pod.lag = 0; // caught up with the leader's log
                api.lag(podName, 0);
                raft.lag(podName, 0);
            }
        }
    }

    /**
     * Applies the pod's API fault when it changed (traced as a {@code fault} line): {@code api-sealed}
     * takes the member out of Raft until it is unsealed, {@code api-refused} only closes the API. Like
     * {@code pod-never-ready}, a fault strikes a pod once it is on a revision other than the first.
     * The kubelet's readiness does not follow it: the fault is what the API tells its clients (a
     * NetworkPolicy that shuts the controller out, a readiness probe that accepts a sealed server).
     */
    private void apiFault(PlayedPod pod, String podName, String firstRevision) {
        RuntimeFaults.ApiFault fault = pod.revision.equals(firstRevision) ? null : faults.get().api(pod.ordinal);
        ServedPods.Answer want = fault == null ? ServedPods.Answer.SERVING
                : fault == RuntimeFaults.ApiFault.REFUSED ? ServedPods.Answer.REFUSED : ServedPods.Answer.SEALED;
        if (want == pod.api) {
            return;
        }
        trace.write(trace.line("fault").put("fault", fault == null ? "api-healed" : fault.spelling())
                .put("pod", podName).put("ordinal", pod.ordinal));
        if (pod.readyAt != null && want == ServedPods.Answer.SEALED) {
            raft.lose(pod.ordinal, podName);
        } else if (pod.readyAt != null && pod.api == ServedPods.Answer.SEALED) {
            raft.ready(podName);
        }
        pod.api = want;
    }

    /** The pod's container restarted in place: not Ready until a ready delay from {@code now}. */
    void restarted(PlayedPod pod, Instant now) {
        pod.readyAt = null;
        pod.lag = 1000;
        pod.restartedAt = now;
        api.unready(statefulSet + "-" + pod.ordinal, now);
    }

    /**
     * The pod-never-ready fault holds this pod back (traced once per pod); a pod on the revision the
     * set was first played with (a pod recreated on the old revision) is never held.
     */
    private boolean stuck(PlayedPod pod, String firstRevision) {
        if (pod.revision.equals(firstRevision) || !faults.get().holdsBack(pod.ordinal)) {
            return false;
        }
        if (stuckTraced.add(pod.uid)) {
            trace.write(trace.line("fault").put("fault", "pod-never-ready").put("pod", statefulSet + "-" + pod.ordinal)
                    .put("ordinal", pod.ordinal).put("revision", pod.revision));
        }
        return true;
    }
}
