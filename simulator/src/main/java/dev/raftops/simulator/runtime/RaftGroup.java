package dev.raftops.simulator.runtime;

import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;

/**
 * The Raft group inside one StatefulSet's pods, with the rules of the simulator's {@code SimRaft}:
 * every pod is a voter; a leader is elected among Ready voters (seeded random choice) a moment after
 * the old one left, only while a quorum is Ready; every leadership change starts a new term. Labels
 * follow the truth at once (no label lag in real-time runs).
 */
final class RaftGroup implements PlayedRaft {

    private final Trace trace;
    private final Random random;
    private final ElectionTimer election;
    private Integer initialLeader;
    Integer leader;
    long term;

    RaftGroup(Trace trace, Random random, Duration electionDelay, Integer initialLeader) {
        this.trace = trace;
        this.random = random;
        this.election = new ElectionTimer(random, electionDelay);
        this.initialLeader = initialLeader;
    }

    @Override
    public boolean leads(int ordinal) {
        return leader != null && leader == ordinal;
    }

    /** Voter {@code ordinal} stopped (deleted or unready): if it led, the group is leaderless. */
    @Override
    public void lose(int ordinal, String pod) {
        if (leads(ordinal)) {
            leader = null;
            trace.write(trace.line("raft.leader").put("pod", null).put("ordinal", null).put("term", term));
        }
    }

    /** Holds an election when one is due and a quorum of {@code ready} voters (of {@code replicas}) is up. */
    @Override
    public void elect(SortedSet<Integer> ready, int replicas, String statefulSet, Instant now) {
        if (!election.due(leader == null, now) || ready.size() < replicas / 2 + 1) {
            return;
        }
        if (initialLeader != null) {
            if (!ready.contains(initialLeader)) {
                return; // the first election waits for the leader the run asked for
            }
            win(initialLeader, statefulSet);
            initialLeader = null;
            return;
        }
        List<Integer> candidates = new ArrayList<>(ready);
        win(candidates.get(random.nextInt(candidates.size())), statefulSet);
    }

    /** Leadership moves from the leader to another Ready voter (a step-down); false when none is Ready. */
    @Override
    public boolean transfer(SortedSet<Integer> ready, String statefulSet) {
        List<Integer> candidates = new ArrayList<>(ready);
        candidates.remove(leader);
        if (leader == null || candidates.isEmpty()) {
            return false;
        }
        win(candidates.get(random.nextInt(candidates.size())), statefulSet);
        return true;
    }

    @Override
    public boolean moveTo(int ordinal, SortedSet<Integer> ready, String statefulSet) {
        if (!ready.contains(ordinal) || leads(ordinal)) {
            return false;
        }
        win(ordinal, statefulSet);
        return true;
    }

    private void win(int ordinal, String statefulSet) {
        leader = ordinal;
        term++;
        election.reset();
        initialLeader = null;
        trace.write(trace.line("raft.leader").put("pod", statefulSet + "-" + ordinal).put("ordinal", ordinal)
                .put("term", term));
    }
}
