package dev.raftops.domain.resource;

/**
 * {@code spec.upgrade.rolling}: settings of the rolling upgrade alone.
 *
 * @param maxLagEntries Raft entries a pod may lag behind the leader and still count as caught up
 *                      (before an upgrade starts, before a pod goes down, before a rolled pod is
 *                      recorded); null when not set, and then the deprecated
 *                      {@code spec.upgrade.blueGreen.verification.maxLagEntries} applies
 */
public record RollingSpec(Long maxLagEntries) {

    public RollingSpec {
        if (maxLagEntries != null && maxLagEntries < 0) {
            throw new IllegalArgumentException("spec.upgrade.rolling.maxLagEntries must not be negative, was "
                    + maxLagEntries);
        }
    }

    public static RollingSpec unset() {
        return new RollingSpec(null);
    }

    /** The lag limit: {@code maxLagEntries} when set, else {@code deprecatedLimit} (the blue/green field, 100 by default). */
    public long maxLagEntriesOr(long deprecatedLimit) {
        return maxLagEntries != null ? maxLagEntries : deprecatedLimit;
    }
}
