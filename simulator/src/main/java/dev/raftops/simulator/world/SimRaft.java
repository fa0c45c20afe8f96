package dev.raftops.simulator.world;

import dev.raftops.simulator.model.RaftMembership;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rolling world's Raft: the one model of membership and elections ({@link RaftMembership}),
 * every pod of the StatefulSet a voter from the start, played in the world's time. A leaderless
 * group holds an election a moment later (the winner chosen by the world's seeded random) once a
 * quorum of voters is Ready, and tries again until it can.
 *
 * <p>What the controller sees is the pods' leader labels, which the workload updates after the
 * fact: they follow the truth after the scenario's {@code labelLag} (at once when zero). Traces
 * record the truth ({@code raft.leader}) and, when labels lag, every label change ({@code pod.label}).
 * A split brain (a fault) makes a second Ready voter report leadership beside the real leader.
 */
final class SimRaft {

    private final SimWorld w;
    private final RaftMembership members;
    private Integer splitBrainLeader;
    private boolean electionPending;
    private Set<Integer> labelled = new TreeSet<>();

    SimRaft(SimWorld world, String statefulSet, int replicas) {
        this.w = world;
        this.members = new RaftMembership(world.trace(), 1);
        List<String> voters = new ArrayList<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            voters.add(statefulSet + "-" + ordinal);
        }
        members.bootstrap(voters);
    }

    /** The leader's ordinal, or null while there is none. */
    Integer leader() {
        return RaftMembership.ordinal(members.leader());
    }

    long term() {
        return members.term();
    }

    /** The member's lag behind the leader. */
    Long lag(int ordinal) {
        return members.lag(w.podName(ordinal));
    }

    /** The truth: whether the member at {@code ordinal} acts as leader. */
    boolean leads(int ordinal) {
        return Integer.valueOf(ordinal).equals(leader()) || Integer.valueOf(ordinal).equals(splitBrainLeader);
    }

    /** What the pod's label says, which is what an observation reports. */
    boolean labelledLeader(int ordinal) {
        return labelled.contains(ordinal);
    }

    /** The labels catch up with the truth, after the scenario's lag. */
    private void relabel() {
        if (w.scenario().labelLag().isZero()) {
            settleLabels();
        } else {
            w.at(w.scenario().labelLag(), this::settleLabels);
        }
    }

    /** Makes the labels say the truth now. */
    void settleLabels() {
        Set<Integer> now = new TreeSet<>();
        if (leader() != null) {
            now.add(leader());
        }
        if (splitBrainLeader != null) {
            now.add(splitBrainLeader);
        }
        if (now.equals(labelled)) {
            return;
        }
        if (!w.scenario().labelLag().isZero()) {
            Set<Integer> changed = new TreeSet<>(now);
            changed.addAll(labelled);
            for (int ordinal : changed) {
                w.trace().write(w.trace().line("pod.label").put("pod", w.podName(ordinal)).put("ordinal", ordinal)
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
        boolean led = Integer.valueOf(ordinal).equals(leader());
        members.ready(w.podName(ordinal), false);
        if (led) {
            w.changed();
            relabel();
            scheduleElection();
        }
    }

    /** The starting cluster's voter {@code ordinal} runs, Ready and caught up. */
    void running(int ordinal) {
        members.ready(w.podName(ordinal), true);
    }

    /** Voter {@code ordinal} became Ready, {@code lag} entries behind. */
    void memberReady(int ordinal, long lag) {
        members.ready(w.podName(ordinal), true);
        members.lag(w.podName(ordinal), lag);
    }

    /** A voter became Ready: a leaderless group can elect now. */
    void electIfLeaderless() {
        if (leader() == null) {
            scheduleElection();
        }
    }

    /** The member has replayed the log up to {@code lag} entries behind. */
    void caughtUp(int ordinal, long lag) {
        members.lag(w.podName(ordinal), lag);
    }

    private void scheduleElection() {
        if (electionPending) {
            return;
        }
        electionPending = true;
        w.at(w.between(1000, 3000), () -> {
            electionPending = false;
            if (leader() != null) {
                return;
            }
            if (members.electAtRandom(w.random())) {
                w.changed();
                relabel();
            } else {
                scheduleElection();
            }
        });
    }

    /** The scenario's starting leader, in the starting term. */
    void elect(int ordinal) {
        members.ready(w.podName(ordinal), true);
        members.elect(w.podName(ordinal), false);
        w.changed();
        relabel();
    }

    /** Leadership moves from the current leader to another Ready voter (a step-down or a fault). */
    boolean transfer() {
        if (leader() == null || !members.transfer(pod -> true, w.random())) {
            return false;
        }
        w.changed();
        relabel();
        return true;
    }

    /** A second Ready voter also reports leadership, while the first keeps it. */
    void splitBrain() {
        List<String> candidates = members.readyVoters(members.leader());
        if (leader() == null || candidates.isEmpty()) {
            return;
        }
        splitBrainLeader = RaftMembership.ordinal(candidates.get(w.random().nextInt(candidates.size())));
        w.trace().write(w.trace().line("fault").put("fault", "split-brain"));
        w.trace().write(w.trace().line("raft.leader").put("pod", w.podName(splitBrainLeader))
                .put("ordinal", splitBrainLeader).put("term", members.term()).put("splitBrain", true));
        w.changed();
        relabel();
    }
}
