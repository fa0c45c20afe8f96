package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;

/**
 * The strict reading of "no pod.deleted with leader:true caused by the controller": also a pod
 * that was a follower when released but was elected before the StatefulSet controller got to
 * restart it (a race the controller cannot see at release time; see
 * docs/decisions/simulator-leader-after-release.md). A pod already reported at its release is not
 * reported again.
 */
final class ReleasedPodLed implements Invariant {

    static final String NAME = "a released pod is not leading when the StatefulSet restarts it";

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        String pod = line.string("pod");
        if ("pod.deleted".equals(line.kind()) && "rollout".equals(line.string("cause")) && line.flag("leader")
                && before.replicas() > 1 && !before.releasedWhileLeading(pod)) {
            out.fail(NAME, "pod " + pod + " was a follower when released but led when the StatefulSet"
                    + " deleted it (rollout)");
        }
    }
}
