package dev.raftops.domain.rolling;

import dev.raftops.domain.resource.RollingProgress;

/**
 * The phases of a rolling upgrade, read from the spec and status alone; the observation picks the
 * step inside a phase. {@link RollingUpgrade} switches over every one of them, so a new phase does
 * not compile until it has its step.
 */
enum RollingPhase {
    /** No version is known yet: once the StatefulSet has converged, record the version it runs. */
    Converging,
    /** No upgrade exists: start one when {@code spec.version} drifts upward and every gate allows it. */
    Steady,
    /** {@code spec.version} names another target than the upgrade in flight. */
    Retargeting,
    /** The upgrade failed; it waits for a retry token or a new version and never rolls back. */
    Failed,
    /** A new restart request arrived while a roll runs: it is folded into the roll. */
    Restarting,
    /** The pre-upgrade snapshot is not done yet: no pod is touched before it is. */
    Snapshotting,
    /** Ordinals below the partition remain: the highest is recorded, stepped down, released or awaited. */
    Rolling,
    /** Every ordinal is done: the StatefulSet converges, then the version moves and the lock is released. */
    Finishing;

    static RollingPhase of(RollingPass pass) {
        RollingProgress progress = pass.progress();
        if (progress == null) {
            return pass.status().currentVersion() == null ? Converging : Steady;
        }
        // a restore's restart runs under the restore's lock: a new version or restart request waits for its end
        boolean restore = !pass.reason().ownsLock();
        if (!restore && pass.retargetVerdict() != null) {
            return Retargeting;
        }
        if (progress.failed()) {
            return Failed;
        }
        if (!restore && pass.restartRequest().pending()
                && !pass.restartRequest().token().equals(progress.restartAt())) {
            return Restarting;
        }
        if (progress.snapshot() != null && !progress.snapshot().done()) {
            return Snapshotting;
        }
        return progress.currentPartition() == 0 ? Finishing : Rolling;
    }
}
