package dev.raftops.simulator.model;

import dev.raftops.domain.resource.ExecutorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * What a finished executor Job does to a {@link RaftMembership}, the same in the deterministic
 * world and in the real-time runtime. {@code join-green} makes every Green pod a non-voter (far
 * behind, by {@code joinLag}) and needs them all Ready; {@code promote-green} makes Green voters;
 * {@code demote-blue} moves a Blue leadership to a Ready Green voter, then makes Blue non-voters;
 * {@code repair-consensus} makes Blue voters, moves leadership back to a Ready Blue voter, then
 * makes Green non-voters; {@code remove-blue-peers} / {@code remove-green-peers} remove a colour's
 * members but never the leader's colour; {@code step-down} moves leadership off its target pod
 * if it still leads. A step that needs a Ready voter of a colour to lead waits for one (the caller
 * applies it again until its patience ends) instead of failing at once. Snapshots, hooks and backups leave the configuration alone.
 */
public final class ExecutorEffects {

    /**
     * The outcome of one Job.
     *
     * @param failure why the Job fails, or null when it succeeded
     * @param joined pods that joined (they catch up from here)
     * @param waits the failure is a colour without a Ready voter to lead: an executor waits for one
     *              (within its patience) and applies the step again, rather than failing at once
     */
    public record Effect(String failure, List<String> joined, boolean waits) {
        static Effect ok() {
            return new Effect(null, List.of(), false);
        }

        static Effect failed(String why) {
            return new Effect(why, List.of(), false);
        }

        static Effect waiting(String why) {
            return new Effect(why, List.of(), true);
        }
    }

    private ExecutorEffects() {
    }

    /**
     * Applies {@code action}.
     *
     * @param greenPods the Green StatefulSet's pods by name, with whether each is Ready (join-green)
     * @param targetPod the step-down's target, or null
     */
    public static Effect apply(RaftMembership raft, ExecutorAction action, String blueSet, String greenSet,
            SortedMap<String, Boolean> greenPods, String targetPod, RandomGenerator random, LongSupplier joinLag) {
        switch (action) {
            case JOIN_GREEN: {
                if (greenPods.isEmpty() || greenPods.containsValue(false)) {
                    return Effect.failed("Green " + greenSet + " is not all Ready");
                }
                List<String> joined = new ArrayList<>();
                for (String pod : greenPods.keySet()) {
                    if (!raft.isMember(pod)) {
                        raft.join(pod, false, true, joinLag.getAsLong());
                        joined.add(pod);
                    }
                }
                return new Effect(null, joined, false);
            }
            case PROMOTE_GREEN:
                setVoters(raft, greenSet, true);
                return Effect.ok();
            case DEMOTE_BLUE: {
                String leader = raft.leader();
                if (in(leader, blueSet) && !raft.transfer(pod -> in(pod, greenSet), random)) {
                    return Effect.waiting("no Ready Green voter to take over from " + leader);
                }
                setVoters(raft, blueSet, false);
                return Effect.ok();
            }
            case REPAIR_CONSENSUS: {
                setVoters(raft, blueSet, true);
                if (!in(raft.leader(), blueSet) && !transferOrElect(raft, blueSet, random)) {
                    return Effect.waiting("no Ready Blue voter can lead");
                }
                setVoters(raft, greenSet, false);
                return Effect.ok();
            }
            case REMOVE_BLUE_PEERS:
                return remove(raft, blueSet);
            case REMOVE_GREEN_PEERS:
                return remove(raft, greenSet);
            case STEP_DOWN:
                if (targetPod == null || targetPod.equals(raft.leader())) {
                    raft.transfer(pod -> true, random);
                }
                return Effect.ok();
            default:
                return Effect.ok();
        }
    }

    /**
     * What {@code wait-synced} waits for: Green has pods, every one Ready and a member within
     * {@code maxLag} entries of the leader.
     *
     * @param greenPods the Green StatefulSet's pods by name, with whether each is Ready
     */
    public static boolean synced(RaftMembership raft, SortedMap<String, Boolean> greenPods, long maxLag) {
        if (greenPods.isEmpty() || greenPods.containsValue(false)) {
            return false;
        }
        for (String pod : greenPods.keySet()) {
            Long lag = raft.lag(pod);
            if (lag == null || lag > maxLag) {
                return false;
            }
        }
        return true;
    }

    private static boolean transferOrElect(RaftMembership raft, String statefulSet, RandomGenerator random) {
        if (raft.leader() != null) {
            return raft.transfer(pod -> in(pod, statefulSet), random);
        }
        List<String> candidates = raft.readyVoters(null).stream().filter(pod -> in(pod, statefulSet)).toList();
        if (candidates.isEmpty() || !raft.hasQuorum()) {
            return false;
        }
        raft.elect(candidates.get(random.nextInt(candidates.size())), true);
        return true;
    }

    private static void setVoters(RaftMembership raft, String statefulSet, boolean voter) {
        for (String member : raft.members()) {
            if (in(member, statefulSet)) {
                raft.setVoter(member, voter);
            }
        }
    }

    private static Effect remove(RaftMembership raft, String statefulSet) {
        if (in(raft.leader(), statefulSet)) {
            return Effect.failed("refusing to remove the peers of " + statefulSet + ": " + raft.leader() + " leads");
        }
        for (String member : raft.members()) {
            if (in(member, statefulSet)) {
                raft.remove(member);
            }
        }
        return Effect.ok();
    }

    /** Whether {@code pod} is a pod of {@code statefulSet} ({@code <statefulSet>-<ordinal>}). */
    public static boolean in(String pod, String statefulSet) {
        return pod != null && statefulSet != null && pod.startsWith(statefulSet + "-")
                && RaftMembership.ordinal(pod) != null && pod.length() > statefulSet.length() + 1
                && pod.substring(statefulSet.length() + 1).matches("[0-9]{1,9}");
    }
}
