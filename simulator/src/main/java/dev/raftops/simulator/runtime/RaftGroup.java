package dev.raftops.simulator.runtime;

import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;

/**
 * The Raft group inside one rolling StatefulSet's pods: the one model of membership and elections
 * ({@link RaftMembership}), every pod a voter from the start, played on the runtime's ticks. A
 * leaderless group elects ({@link ElectionTimer}) once a quorum of voters is Ready; the first
 * election waits for the leader the run asked for, if any. Labels follow the truth at once (no
 * label lag in real-time runs).
 */
final class RaftGroup implements PlayedRaft {

    private final RaftMembership members;
    private final Random random;
    private final ElectionTimer election;
    private final String statefulSet;
    private Integer initialLeader;
    private MembershipRaftCluster api;

    RaftGroup(Trace trace, Random random, Duration electionDelay, Integer initialLeader, String statefulSet,
            int replicas) {
        this.members = new RaftMembership(trace, 0);
        this.random = random;
        this.election = new ElectionTimer(random, electionDelay);
        this.initialLeader = initialLeader;
        this.statefulSet = statefulSet;
        List<String> voters = new ArrayList<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            voters.add(pod(ordinal));
        }
        members.bootstrap(voters);
    }

    /** The configuration, shared with the colours when this StatefulSet is adopted as Blue. */
    RaftMembership membership() {
        return members;
    }

    @Override
    public MembershipRaftCluster api() {
        if (api == null) {
            api = new MembershipRaftCluster(members, random, 1000);
        }
        return api;
    }

    private String pod(int ordinal) {
        return statefulSet + "-" + ordinal;
    }

    @Override
    public boolean leads(int ordinal) {
        return pod(ordinal).equals(members.leader());
    }

    /** Voter {@code ordinal} stopped (deleted or unready): if it led, the group is leaderless. */
    @Override
    public void lose(int ordinal, String pod) {
        members.ready(pod(ordinal), false);
    }

    @Override
    public void ready(String pod) {
        members.ready(pod, true);
    }

    @Override
    public void lag(String pod, long lag) {
        members.lag(pod, lag);
    }

    /** Holds an election when one is due and a quorum of voters is Ready. */
    @Override
    public void elect(SortedSet<Integer> ready, int replicas, String name, Instant now) {
        if (!election.due(members.leader() == null, now) || !members.hasQuorum()) {
            return;
        }
        if (initialLeader != null) {
            if (!ready.contains(initialLeader)) {
                return; // the first election waits for the leader the run asked for
            }
            win(pod(initialLeader));
            return;
        }
        if (members.electAtRandom(random)) {
            won();
        }
    }

    /** Leadership moves from the leader to another Ready voter (a step-down); false when none can take it. */
    @Override
    public boolean transfer(SortedSet<Integer> ready, String name) {
        if (members.leader() == null || !members.transfer(p -> true, random)) {
            return false;
        }
        won();
        return true;
    }

    @Override
    public boolean moveTo(int ordinal, SortedSet<Integer> ready, String name) {
        if (!ready.contains(ordinal) || leads(ordinal)) {
            return false;
        }
        win(pod(ordinal));
        return true;
    }

    private void win(String pod) {
        members.elect(pod, true);
        won();
    }

    private void won() {
        election.reset();
        initialLeader = null;
    }
}
