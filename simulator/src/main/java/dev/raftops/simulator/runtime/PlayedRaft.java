package dev.raftops.simulator.runtime;

import dev.raftops.simulator.openbao.MembershipRaftCluster;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;

/**
 * The Raft a {@link PlayedStatefulSet}'s pods belong to: its own group (a rolling cluster,
 * {@link RaftGroup}) or its colour's view of the one configuration a blue/green cluster's
 * colours share ({@link ColourRaft}).
 */
interface PlayedRaft {

    /** Whether pod {@code ordinal} of the set leads. */
    boolean leads(int ordinal);

    /** The pod stopped or went (deleted, crashed): if it led, the group is leaderless. */
    void lose(int ordinal, String pod);

    /** Holds an election when one is due; {@code ready} are the set's Ready ordinals. */
    void elect(SortedSet<Integer> ready, int replicas, String statefulSet, Instant now);

    /** Leadership moves from the leader to another Ready voter; false when none can take it. */
    boolean transfer(SortedSet<Integer> ready, String statefulSet);

    /**
     * Leadership moves to Ready voter {@code ordinal} on its own (a spontaneous election); false when
     * it is not Ready or leads already, or the Raft does not play such elections (the colours' Raft).
     */
    default boolean moveTo(int ordinal, SortedSet<Integer> ready, String statefulSet) {
        return false;
    }

    /** The pod became Ready. */
    default void ready(String pod) {
    }

    /** The member hosted by {@code pod} is {@code lag} entries behind the leader (a Raft that plays lag itself ignores it). */
    default void lag(String pod, long lag) {
    }

    /** Whether the Raft reports the pods' lag itself (the kubelet then leaves the lag annotation alone). */
    default boolean reportsLag() {
        return false;
    }

    /** The Raft as OpenBao's API reports it (one per Raft, so its commit index only grows). */
    MembershipRaftCluster api();

    /** Annotations the Raft reports on the pod (voter status, lag), or an empty map for none. */
    default Map<String, String> annotations(String pod) {
        return Map.of();
    }
}
