package dev.raftops.domain.rolling;

import dev.raftops.domain.cluster.PodView;
import java.util.Map;

/**
 * The quorum rule for taking one voter down: every other voter must be present, Ready and caught
 * up with the leader. From three voters on, the others then always form a majority
 * ({@code replicas - 1 >= replicas/2 + 1}), so no separate count is needed.
 *
 * <p>One voter: there is nobody else; restarting it is unavoidable downtime, so it is allowed.
 * Two voters: the survivor alone is not a majority of two, so the cluster is briefly without
 * quorum whatever the order; it is allowed when the other voter is caught up (documented in
 * docs/decisions/rolling-quorum-small-clusters.md). Three or more: the others always form a majority.
 */
public final class Quorum {

    private Quorum() {
    }

    /** Whether ordinal {@code candidate} may go down now, judged from the other voters only. */
    public static boolean allowsTakingDown(int candidate, int replicas, Map<Integer, PodView> podsByOrdinal, long maxLag) {
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            if (ordinal == candidate) {
                continue;
            }
            PodView pod = podsByOrdinal.get(ordinal);
            if (pod == null || !pod.caughtUp(maxLag)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the first other voter that blocks {@code candidate} waits for, by name, when the workload's
     * API reported it ({@code "ordinal 2 Unsealed"}); null when nothing blocks or the facts come from labels.
     */
    public static String namedBlocker(int candidate, int replicas, Map<Integer, PodView> podsByOrdinal, long maxLag) {
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            PodView pod = podsByOrdinal.get(ordinal);
            if (ordinal != candidate && pod != null && pod.member() != null && !pod.caughtUp(maxLag)) {
                return "ordinal " + ordinal + " " + String.join(", ", pod.waitsFor(maxLag));
            }
        }
        return null;
    }
}
