package dev.raftops.simulator.openbao;

import java.util.List;
import java.util.Optional;

/**
 * What the OpenBao API double needs from the simulator's Raft model, and nothing more: servers
 * (named by pod), the leader and term, voters, the leader's commit index and each server's applied
 * index, and the membership changes the API can ask for. {@link MembershipRaftCluster} adapts the
 * simulator's model to it; re-point that adapter, not the double, when the model moves.
 */
public interface RaftCluster {

    /** Servers in the Raft configuration, sorted. */
    List<String> servers();

    Optional<String> leader();

    long term();

    boolean isVoter(String server);

    /** The leader's commit index (0 before any entry). */
    long commitIndex();

    /** The server's applied index: the commit index less its lag; 0 for a non-member. */
    long appliedIndex(String server);

    /**
     * The leader gives up leadership and another Ready voter, never {@code formerLeader}, wins the next
     * election; false when no other voter can.
     */
    boolean stepDown(String formerLeader);

    void setVoter(String server, boolean voter);

    /** {@code server} joins, {@code lag} entries behind. */
    void join(String server, boolean voter, long lag);

    void remove(String server);

    /** The server's process can (true) or cannot (sealed, stopped) take part. */
    void ready(String server, boolean ready);

    /** {@code entries} new entries committed; every server replicates up to {@code catchUp} of its lag. */
    void advance(long entries, long catchUp);

    /** A snapshot was installed: every server applies it at a new index. */
    void restored();
}
