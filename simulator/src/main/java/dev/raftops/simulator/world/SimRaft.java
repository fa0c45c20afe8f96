package dev.raftops.simulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Raft group inside the pods: every pod of the StatefulSet is a voter; a leader is elected
 * among Ready voters (the winner chosen by the world's seeded random) a moment after the old one
 * left, and only while a quorum of voters is Ready. Every leadership change starts a new term.
 *
 * <p>What the controller sees is the pods' leader labels, which the workload updates after the
 * fact: they follow the truth after the scenario's {@code labelLag} (at once when zero). Traces
 * record the truth ({@code raft.leader}) and, when labels lag, every label change ({@code pod.label}).
 */
final class SimRaft {

    private final SimWorld w;
    Integer leader;
    Integer splitBrainLeader;
    long term = 1;
    private boolean electionPending;
    private Set<Integer> labelled = new TreeSet<>();

    SimRaft(SimWorld world) {
        this.w = world;
    }

    /** The truth: whether the member at {@code ordinal} acts as leader. */
    boolean leads(int ordinal) {
        return Integer.valueOf(ordinal).equals(leader) || Integer.valueOf(ordinal).equals(splitBrainLeader);
    }

    /** What the pod's label says, which is what an observation reports. */
    boolean labelledLeader(int ordinal) {
        return labelled.contains(ordinal);
    }

    /** The labels catch up with the truth, after the scenario's lag. */
    private void relabel() {
        if (w.scenario.labelLag().isZero()) {
            settleLabels();
        } else {
            w.at(w.scenario.labelLag(), this::settleLabels);
        }
    }

    /** Makes the labels say the truth now. */
    void settleLabels() {
        Set<Integer> now = new TreeSet<>();
        if (leader != null) {
            now.add(leader);
        }
        if (splitBrainLeader != null) {
            now.add(splitBrainLeader);
        }
        if (now.equals(labelled)) {
            return;
        }
        if (!w.scenario.labelLag().isZero()) {
            Set<Integer> changed = new TreeSet<>(now);
            changed.addAll(labelled);
            for (int ordinal : changed) {
                w.trace.write(w.trace.line("pod.label").put("pod", w.podName(ordinal)).put("ordinal", ordinal)
                        .put("leader", now.contains(ordinal)));
            }
            w.changed();
        }
        labelled = now;
    }

    /** Voter {@code ordinal} stopped (deleted or crashed): if it led, the group is leaderless until an election. */
    void lose(int ordinal) {
        if (Integer.valueOf(ordinal).equals(splitBrainLeader)) {
            splitBrainLeader = null;
            relabel();
        }
        if (Integer.valueOf(ordinal).equals(leader)) {
            leader = null;
            w.trace.write(w.trace.line("raft.leader").put("pod", null).put("ordinal", null).put("term", term));
            w.changed();
            relabel();
            scheduleElection();
        }
    }

    /** A voter became Ready: a leaderless group can elect now. */
    void memberReady() {
        if (leader == null) {
            scheduleElection();
        }
    }

    private void scheduleElection() {
        if (electionPending) {
            return;
        }
        electionPending = true;
        w.at(w.between(1000, 3000), () -> {
            electionPending = false;
            if (leader != null) {
                return;
            }
            List<Integer> candidates = readyVoters(null);
            if (candidates.size() >= w.scenario.replicas() / 2 + 1) {
                elect(candidates.get(w.random.nextInt(candidates.size())), true);
            } else {
                scheduleElection();
            }
        });
    }

    private List<Integer> readyVoters(Integer except) {
        List<Integer> out = new ArrayList<>();
        for (SimPod pod : w.pods.values()) {
            if (pod.ready() && !Integer.valueOf(pod.ordinal).equals(except)) {
                out.add(pod.ordinal);
            }
        }
        return out;
    }

    void elect(int ordinal, boolean newTerm) {
        leader = ordinal;
        term += newTerm ? 1 : 0;
        w.pods.get(ordinal).lag = 0L;
        w.trace.write(w.trace.line("raft.leader").put("pod", w.podName(ordinal)).put("ordinal", ordinal)
                .put("term", term));
        w.changed();
        relabel();
    }

    /** Leadership moves from the current leader to another Ready voter (a step-down or a fault). */
    boolean transfer() {
        if (leader == null) {
            return false;
        }
        List<Integer> candidates = readyVoters(leader);
        if (candidates.isEmpty()) {
            return false;
        }
        elect(candidates.get(w.random.nextInt(candidates.size())), true);
        return true;
    }

    /** A second Ready voter also reports leadership, while the first keeps it. */
    void splitBrain() {
        List<Integer> candidates = readyVoters(leader);
        if (leader == null || candidates.isEmpty()) {
            return;
        }
        splitBrainLeader = candidates.get(w.random.nextInt(candidates.size()));
        w.trace.write(w.trace.line("fault").put("fault", "split-brain"));
        w.trace.write(w.trace.line("raft.leader").put("pod", w.podName(splitBrainLeader))
                .put("ordinal", splitBrainLeader).put("term", term).put("splitBrain", true));
        w.changed();
        relabel();
    }
}
