package dev.raftops.ports.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.ports.driven.MemberProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds the pods' Raft state from the workload's API to an observation ({@code spec.upgrade.raftState: api}).
 * While an operation holds the lock every pass probes; in steady state a cluster whose last answers
 * found every pod Ready and caught up is probed at most once per {@link #STEADY_INTERVAL}, the passes
 * in between reuse those answers (they only decide whether to start something, and the operation
 * they start probes again before its first disruption). Answers that found a pod waiting (unknown,
 * sealed, behind) are never reused: the start they hold would otherwise wait out the interval.
 * See docs/decisions/raft-state-api.md.
 */
final class MemberReading {

    /** A steady-state cluster is probed at most this often. */
    static final Duration STEADY_INTERVAL = Duration.ofSeconds(30);

    private record Probed(Instant at, List<String> pods, Map<String, MemberState> members, boolean allCaughtUp) {
    }

    private final MemberProbe probe;
    private final Map<ClusterKey, Probed> last = new ConcurrentHashMap<>();

    /** @param probe null only for the deprecated labels-only service constructors */
    MemberReading(MemberProbe probe) {
        this.probe = probe;
    }

    ClusterObservation read(ClusterKey cluster, ClusterSpec spec, ClusterStatus status, ClusterObservation observed,
            Instant now) {
        if (probe == null || spec.upgrade().raftState() == RaftStateSource.LABELS) {
            last.remove(cluster);
            return observed;
        }
        List<String> pods = observed.pods().stream().map(PodView::name).toList();
        Probed before = last.get(cluster);
        boolean steady = !status.operationLock().isHeld();
        boolean reuse = steady && before != null && before.allCaughtUp() && before.pods().equals(pods)
                && Duration.between(before.at(), now).compareTo(STEADY_INTERVAL) < 0 && !now.isBefore(before.at());
        if (reuse) {
            return observed.withMembers(before.members(), now);
        }
        Map<String, MemberState> members = probe.probe(cluster, pods, spec.tls());
        ClusterObservation read = observed.withMembers(members, now);
        long maxLag = spec.upgrade().rollingMaxLagEntries();
        last.put(cluster, new Probed(now, pods, members, read.pods().stream().allMatch(p -> p.caughtUp(maxLag))));
        return read;
    }

    /** The cluster is gone: forget its answers. */
    void forget(ClusterKey cluster) {
        last.remove(cluster);
    }
}
