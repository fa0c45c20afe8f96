package dev.raftops.simulator.runtime;

import dev.raftops.simulator.openbao.RaftCluster;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A played Raft as the OpenBao API double sees it, every call under the runtime's lock: the
 * double answers on its HTTP threads while the runtime ticks on its own, and both act on the one
 * model. The runtime never waits for the double while it holds the lock, so the order
 * (double, then runtime) cannot deadlock.
 */
final class LockedRaftCluster implements RaftCluster {

    private final Object lock;
    private final RaftCluster raft;

    LockedRaftCluster(Object lock, RaftCluster raft) {
        this.lock = lock;
        this.raft = raft;
    }

    private <T> T locked(Supplier<T> call) {
        synchronized (lock) {
            return call.get();
        }
    }

    private void locked(Runnable call) {
        synchronized (lock) {
            call.run();
        }
    }

    @Override
    public List<String> servers() {
        return locked(raft::servers);
    }

    @Override
    public Optional<String> leader() {
        return locked(raft::leader);
    }

    @Override
    public long term() {
        return locked(raft::term);
    }

    @Override
    public boolean isVoter(String server) {
        return locked(() -> raft.isVoter(server));
    }

    @Override
    public long commitIndex() {
        return locked(raft::commitIndex);
    }

    @Override
    public long appliedIndex(String server) {
        return locked(() -> raft.appliedIndex(server));
    }

    @Override
    public boolean stepDown(String formerLeader) {
        return locked(() -> raft.stepDown(formerLeader));
    }

    @Override
    public void setVoter(String server, boolean voter) {
        locked(() -> raft.setVoter(server, voter));
    }

    @Override
    public void join(String server, boolean voter, long lag) {
        locked(() -> raft.join(server, voter, lag));
    }

    @Override
    public void remove(String server) {
        locked(() -> raft.remove(server));
    }

    @Override
    public void ready(String server, boolean ready) {
        locked(() -> raft.ready(server, ready));
    }

    @Override
    public void advance(long entries, long catchUp) {
        locked(() -> raft.advance(entries, catchUp));
    }

    @Override
    public void restored() {
        locked(raft::restored);
    }
}
