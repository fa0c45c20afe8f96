package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.version.UpgradeVerdict;

/**
 * What {@link RollingStart#start} answers when no upgrade exists and nothing is to roll: the lock is
 * free and the {@code Upgrading} condition says why.
 */
final class NothingToRoll {

    private NothingToRoll() {
    }

    /** Nothing to roll: the lock is released and {@code Upgrading} says the cluster runs its version. */
    static Decision upToDate(RollingPass pass) {
        DecisionInput in = pass.in();
        ClusterStatus status = pass.status();
        OperationLock lock = status.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock();
        // "complete" already says the cluster runs its version: replacing it would be a status write per upgrade
        boolean complete = Condition.find(status.conditions(), Condition.UPGRADING)
                .map(c -> c.status() == Condition.Status.False && UPGRADE_COMPLETE.equals(c.reason()))
                .orElse(false);
        ClusterStatus next = complete ? status.withOperationLock(lock) : status.withOperationLock(lock)
                .withCondition(Condition.UPGRADING, Condition.Status.False, UP_TO_DATE,
                        "running " + status.currentVersion(), in.generation(), in.now());
        return Decision.of(next, Wake.idle());
    }

    /**
     * The desired version differs from the running one only in build metadata: the same image, so
     * nothing rolls; the {@code Upgrading} condition and one Normal Event (per distinct message) say so.
     */
    static Decision buildMetadataOnly(RollingPass pass, UpgradeVerdict verdict) {
        DecisionInput in = pass.in();
        ClusterStatus status = pass.status();
        boolean known = Condition.find(status.conditions(), Condition.UPGRADING)
                .map(c -> c.reason().equals(verdict.reason()) && c.message().equals(verdict.message()))
                .orElse(false);
        OperationLock lock = status.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock();
        ClusterStatus next = status.withOperationLock(lock).withCondition(Condition.UPGRADING, Condition.Status.False,
                verdict.reason(), verdict.message(), in.generation(), in.now());
        if (known) {
            return Decision.of(next, Wake.idle());
        }
        return Decision.of(next, Wake.idle(), new Action.Emit(ClusterEvent.normal(verdict.reason(), verdict.message(),
                pass.audit())));
    }
}
