package dev.raftops.ports.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code status.members} shows after a pass. In steady state: what the pass saw (a probe that
 * learns nothing new keeps its recorded time, {@link MemberStatus#settled}). While an operation holds
 * the lock, every step changes the pods (deleted, recreated, Ready, caught up, a new leader), and
 * writing each change cost more status writes than the steps themselves: the members then ride on
 * the operation's own status writes, and a pass whose decision writes nothing else shows the last
 * members written, as long as they are younger than {@link #REFRESH}. See
 * docs/decisions/members-during-operations.md.
 */
final class MemberShowing {

    /** The oldest {@code status.members} an operation's pass leaves standing. */
    static final Duration REFRESH = MemberReading.STEADY_INTERVAL;

    /** When this controller last wrote each cluster's status (members included); lost on restart, which is safe. */
    private final Map<ClusterKey, Instant> written = new ConcurrentHashMap<>();

    List<MemberStatus> shown(ClusterKey cluster, ClusterStatus before, ClusterStatus next, List<PodView> pods,
            Instant now) {
        List<MemberStatus> seen = MemberStatus.settled(before.members(), MemberStatus.of(pods), REFRESH);
        boolean operation = before.operationLock().isHeld() && next.operationLock().isHeld();
        boolean nothingElse = next.withMembers(before.members()).withLastError(null).equals(before);
        Instant at = written.get(cluster);
        boolean recent = at != null && !now.isBefore(at) && Duration.between(at, now).compareTo(REFRESH) < 0;
        return operation && nothingElse && recent ? before.members() : seen;
    }

    /** {@code cluster}'s status was written at {@code now}. */
    void written(ClusterKey cluster, Instant now) {
        written.put(cluster, now);
    }

    void forget(ClusterKey cluster) {
        written.remove(cluster);
    }
}
