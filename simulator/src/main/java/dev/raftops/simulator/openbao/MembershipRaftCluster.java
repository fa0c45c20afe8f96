package dev.raftops.simulator.openbao;

import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The double's {@link RaftCluster} over the simulator's one Raft model, {@link RaftMembership} (the
 * same rules the deterministic world and the sandbox runtime play: only a Ready voter leads, an
 * election needs a quorum, every change of leader is a new term). The model has lags, not indexes:
 * the commit index is kept here, and a server's applied index is the commit index less its lag.
 * Callers synchronise (the double does).
 */
public final class MembershipRaftCluster implements RaftCluster {

    private final RaftMembership raft;
    private final RandomGenerator random;
    private long commit;

    public MembershipRaftCluster(RaftMembership raft, RandomGenerator random, long commitIndex) {
        this.raft = raft;
        this.random = random;
        this.commit = commitIndex;
    }

    /** A cluster of Ready voters {@code servers} led by {@code leader}, at {@code commitIndex}. */
    public static MembershipRaftCluster of(String cluster, List<String> servers, String leader, long commitIndex, long seed) {
        RaftMembership raft = new RaftMembership(new Trace(new SimClock(Instant.EPOCH), cluster), 1);
        servers.forEach(s -> raft.join(s, true, true, 0));
        raft.elect(leader, false);
        return new MembershipRaftCluster(raft, new java.util.SplittableRandom(seed), commitIndex);
    }

    public RaftMembership model() {
        return raft;
    }

    @Override
    public List<String> servers() {
        return raft.members();
    }

    @Override
    public Optional<String> leader() {
        return Optional.ofNullable(raft.leader());
    }

    @Override
    public long term() {
        return raft.term();
    }

    @Override
    public boolean isVoter(String server) {
        return raft.isVoter(server);
    }

    @Override
    public long commitIndex() {
        return commit;
    }

    @Override
    public long appliedIndex(String server) {
        Long lag = raft.lag(server);
        return lag == null ? 0 : Math.max(0, commit - lag);
    }

    @Override
    public boolean stepDown(String formerLeader) {
        return raft.transfer(s -> !s.equals(formerLeader), random);
    }

    @Override
    public void setVoter(String server, boolean voter) {
        raft.setVoter(server, voter);
        raft.electAtRandom(random);
    }

    @Override
    public void join(String server, boolean voter, long lag) {
        raft.join(server, voter, true, lag);
    }

    @Override
    public void remove(String server) {
        raft.remove(server);
        raft.electAtRandom(random);
    }

    @Override
    public void ready(String server, boolean ready) {
        raft.ready(server, ready);
        raft.electAtRandom(random);
    }

    @Override
    public void advance(long entries, long catchUp) {
        commit += entries;
        for (String s : raft.members()) {
            Long lag = raft.lag(s);
            if (s.equals(raft.leader()) || lag == null) {
                continue;
            }
            raft.lag(s, Math.max(0, lag + entries - catchUp));
        }
    }

    @Override
    public void restored() {
        commit += 1;
        raft.members().forEach(s -> raft.lag(s, 0));
    }
}
