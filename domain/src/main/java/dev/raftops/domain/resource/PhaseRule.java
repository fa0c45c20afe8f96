package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.opslifecycle.Operation;

/** {@code status.phase} is derived from the rest of the status, in one place, so it cannot disagree with it. */
public final class PhaseRule {

    private PhaseRule() {
    }

    /** The status with the phase its spec and the rest of it give; the only writer of {@code status.phase}. */
    public static ClusterStatus apply(ClusterSpec spec, ClusterStatus status) {
        return status.withPhase(of(spec, status));
    }

    /** The status of a cluster whose spec does not map: Degraded, whatever else it records. */
    public static ClusterStatus ofInvalidSpec(ClusterStatus status) {
        return status.withPhase(Phase.Degraded);
    }

    public static Phase of(ClusterSpec spec, ClusterStatus status) {
        if (status.breakGlass().active()) {
            return Phase.BreakGlass;
        }
        if (spec != null && spec.paused()) {
            return Phase.Paused;
        }
        if (status.upgrade() != null && status.upgrade().failed()) {
            return Phase.Degraded;
        }
        if (status.upgrade() != null
                || (status.blueGreen() != null && status.blueGreen().phase() != BlueGreenPhase.Idle)) {
            return Phase.Upgrading;
        }
        if (status.operationLock().isHeld() && status.operationLock().operation() == Operation.Backup) {
            return Phase.BackingUp;
        }
        if (status.currentVersion() == null) {
            return Phase.Initializing;
        }
        return Phase.Running;
    }
}
