package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.opslifecycle.Operation;

/** {@code status.phase} is derived from the rest of the status, in one place, so it cannot disagree with it. */
public final class PhaseRule {

    private PhaseRule() {
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
