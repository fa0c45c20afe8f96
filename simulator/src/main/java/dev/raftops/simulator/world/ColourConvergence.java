package dev.raftops.simulator.world;

import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.model.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * When a blue/green {@link ColourWorld} has come to rest: one colour left on the target (a finished
 * cutover), or one colour with all its pods (an attempt that unwound); and the pods in one line for
 * a run's messages.
 */
record ColourConvergence(SortedMap<String, ColourSet> sets, SortedMap<String, ColourSet> orphans, RaftMembership raft,
        Supplier<String> selected) {

    /**
     * One colour left, on {@code version}: every pod Ready, every member a voter of it, it leads,
     * and the client Service selects it.
     */
    boolean runsEverywhere(String version) {
        if (sets.size() != 1 || !orphans.isEmpty()) {
            return false;
        }
        ColourSet set = sets.get(sets.firstKey());
        if (set.pods.size() != set.replicas || !set.revision.equals(selected.get())) {
            return false;
        }
        for (SimPod pod : set.pods.values()) {
            if (!pod.ready() || !Versions.same(pod.version, version) || !raft.isVoter(pod.name)) {
                return false;
            }
        }
        return raft.members().size() == set.replicas && raft.leader() != null;
    }

    /** Exactly one colour with all its pods and no other pod left over (after an abort or a rollback). */
    boolean oneColourSettled() {
        ColourSet only = sets.isEmpty() ? null : sets.get(sets.firstKey());
        return sets.size() == 1 && orphans.isEmpty() && only.pods.size() == only.replicas
                && raft.leader() != null;
    }

    List<String> podSummary() {
        List<String> out = new ArrayList<>();
        for (ColourSet set : sets.values()) {
            for (SimPod pod : set.pods.values()) {
                out.add(pod.name + "=" + pod.version + "/" + pod.state + (raft.isVoter(pod.name) ? "" : "(nv)")
                        + (pod.name.equals(raft.leader()) ? "*" : ""));
            }
        }
        return out;
    }
}
