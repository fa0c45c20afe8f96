package dev.raftops.simulator.runtime;

import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.simulator.model.ExecutorEffects;
import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The one Raft configuration of a blue/green cluster, spanning its colours' pods (the shared
 * {@link RaftMembership} with the rules of {@code SimWorld}): a colour created without a join
 * revision (Blue, at the start) bootstraps it, each pod joining as a voter when Ready; a colour
 * that joins another (Green) stays outside until the {@code join-green} Job, then catches up, its
 * lag dividing by three every {@code readyDelay}. Elections wait {@code electionDelay} (plus a
 * seeded extra) and need a quorum of the voters Ready.
 */
final class PlayedColours {

    private final RaftMembership raft;
    private final RandomGenerator random;
    private final ElectionTimer election;
    private final Duration readyDelay;
    private Integer initialLeader;
    private String firstSet;
    private Instant caughtUpAt;
    private MembershipRaftCluster api;

    PlayedColours(Trace trace, RandomGenerator random, Duration electionDelay, Duration readyDelay,
            Integer initialLeader) {
        this(new RaftMembership(trace, 0), null, random, electionDelay, readyDelay, initialLeader);
    }

    private PlayedColours(RaftMembership raft, MembershipRaftCluster api, RandomGenerator random,
            Duration electionDelay, Duration readyDelay, Integer initialLeader) {
        this.raft = raft;
        this.api = api;
        this.random = random;
        this.election = new ElectionTimer(random, electionDelay);
        this.readyDelay = readyDelay;
        this.initialLeader = initialLeader;
    }

    /**
     * The colours of a cluster whose rolling StatefulSet {@code blue} was adopted as Blue (a switch to
     * BlueGreen, docs/decisions/strategy-switch.md): they share its Raft group's configuration and API,
     * so Green joins the Raft that already runs; nothing restarts.
     */
    static PlayedColours adopting(String blue, RaftGroup group, RandomGenerator random, Duration electionDelay,
            Duration readyDelay) {
        PlayedColours colours = new PlayedColours(group.membership(), group.api(), random, electionDelay, readyDelay,
                null);
        colours.firstSet = blue;
        return colours;
    }

    /** The view of colour {@code statefulSet}; {@code joins} when it was created to join another colour. */
    ColourRaft colour(String statefulSet, boolean joins) {
        if (firstSet == null && !joins) {
            firstSet = statefulSet;
        }
        return new ColourRaft(this, statefulSet, joins);
    }

    RaftMembership raft() {
        return raft;
    }

    /** The shared configuration as OpenBao's API reports it, one for both colours. */
    MembershipRaftCluster api() {
        if (api == null) {
            api = new MembershipRaftCluster(raft, random, 1000);
        }
        return api;
    }

    RandomGenerator random() {
        return random;
    }

    /** A pod became Ready: a member is back; a pod of a bootstrapping colour joins as a voter. */
    void ready(String pod, boolean joins) {
        if (raft.isMember(pod)) {
            raft.ready(pod, true);
            raft.lag(pod, 100); // it replays what it missed while down
        } else if (!joins) {
            raft.join(pod, true, true, 0);
        }
    }

    /** A pod stopped or went: its member stops; a non-voter's drops out (autopilot's dead-server cleanup). */
    void lose(String pod) {
        raft.ready(pod, false);
        if (raft.isMember(pod) && !raft.isVoter(pod)) {
            raft.remove(pod);
        }
    }

    /** Elections and catching up, once per tick. */
    void round(Instant now) {
        if (caughtUpAt == null || !now.isBefore(caughtUpAt.plus(readyDelay))) {
            caughtUpAt = now;
            for (String pod : raft.members()) {
                Long lag = raft.lag(pod);
                if (lag != null && lag >= 5 && raft.isReady(pod)) {
                    raft.lag(pod, lag / 3);
                }
            }
        }
        if (!election.due(raft.leader() == null, now) || !raft.hasQuorum()) {
            return;
        }
        if (initialLeader != null) {
            String wanted = firstSet + "-" + initialLeader;
            if (!raft.readyVoters(null).contains(wanted)) {
                return; // the first election waits for the leader the run asked for
            }
            raft.elect(wanted, true);
            initialLeader = null;
        } else {
            raft.electAtRandom(random);
        }
        election.reset();
    }

    /**
     * A finished executor Job acts on the configuration ({@link ExecutorEffects}).
     *
     * @param greenPods Green's pods by name with whether each is Ready
     */
    ExecutorEffects.Effect act(ExecutorAction action, String blueSet, String greenSet,
            SortedMap<String, Boolean> greenPods, String targetPod) {
        return ExecutorEffects.apply(raft, action, blueSet, greenSet, greenPods, targetPod, random,
                () -> 300L + random.nextInt(500));
    }

    /** Whether Green has caught up (what wait-synced waits for, {@link ExecutorEffects#synced}). */
    boolean synced(SortedMap<String, Boolean> greenPods, long maxLag) {
        return ExecutorEffects.synced(raft, greenPods, maxLag);
    }

    /** The voter annotation ({@code "false"} for non-voters and pods outside) and the member's lag. */
    Map<String, String> annotations(String pod, boolean joins) {
        Map<String, String> out = new TreeMap<>();
        if (raft.isMember(pod)) {
            out.put(PodWrites.VOTER, String.valueOf(raft.isVoter(pod)));
            out.put(PodWrites.LAG, String.valueOf(raft.lag(pod)));
        } else if (joins) {
            out.put(PodWrites.VOTER, "false");
        }
        return out;
    }
}
