package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Each ordinal is deleted at most once per target version (and rolling restart request: a restart
 * asks for one more roll of every pod; and template image: an image change at the same version asks
 * for one more roll too). It counts deletions of pods that were
 * Ready when deleted (removing a pod that never got Ready is repair); deleting a Ready pod that
 * already runs the target is always a violation.
 */
final class OrdinalOnce implements Invariant {

    static final String NAME = "each ordinal is deleted at most once per target version";

    private final Map<String, Integer> deletions = new HashMap<>();

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        String cause = line.string("cause");
        if (!"pod.deleted".equals(line.kind()) || !("controller".equals(cause) || "rollout".equals(cause))) {
            return;
        }
        String name = line.string("pod");
        TracedCluster.Pod pod = before.cluster().pod(name, line.optionalInt("ordinal"));
        String target = before.target(pod.statefulSet);
        if (target == null || !pod.ready) {
            return;
        }
        String restart = before.restartTarget(pod.statefulSet);
        String image = before.imageTarget(pod.statefulSet);
        String what = target + (restart == null ? "" : " restarted at " + restart) + (image == null ? "" : " on " + image);
        if (before.onTarget(pod, pod.statefulSet)) {
            out.fail(NAME, "pod " + name + " already ran the target " + what + " and was Ready, yet was deleted");
        }
        int count = deletions.merge(name + "@" + what, 1, Integer::sum);
        if (count > 1) {
            out.fail(NAME, "pod " + name + " was deleted " + count + " times for target " + target);
        }
    }
}
