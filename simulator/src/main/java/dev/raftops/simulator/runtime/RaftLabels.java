package dev.raftops.simulator.runtime;

import java.util.Collection;
import java.util.Map;

/**
 * What the Raft group inside a {@link PlayedStatefulSet}'s pods writes on them, as the workload's
 * own would: the leader label, and the Raft annotations (voter status, lag) where the Raft reports them.
 */
record RaftLabels(PodWrites api, String statefulSet, PlayedRaft raft) {

    /**
     * Brings the pods' leader labels in line with the Raft group: the old leader's label is cleared
     * before the new one is set, so a reader never sees two leaders because of the runtime's order.
     */
    void relabel(Collection<PlayedPod> pods) {
        for (boolean leads : new boolean[] {false, true}) {
            for (PlayedPod pod : pods) {
                String want = String.valueOf(raft.leads(pod.ordinal));
                if (raft.leads(pod.ordinal) == leads && !want.equals(pod.label)) {
                    api.leader(statefulSet + "-" + pod.ordinal, want);
                    pod.label = want;
                }
            }
        }
    }

    /** Writes the Raft annotations of every pod whose annotations changed since they were last written. */
    void annotate(Collection<PlayedPod> pods) {
        for (PlayedPod pod : pods) {
            Map<String, String> member = raft.annotations(statefulSet + "-" + pod.ordinal);
            if (!member.isEmpty() && !member.equals(pod.member)) {
                api.annotate(statefulSet + "-" + pod.ordinal, member);
                pod.member = member;
            }
        }
    }
}
