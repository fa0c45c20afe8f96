package dev.raftops.domain.gates;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ForceRelease;
import java.util.Optional;

/**
 * {@code spec.operationLock.forceRelease}: a person breaks the operation lock of an operation that
 * will not finish. The request names the holder and the epoch; only when both are the lock's is it
 * released, with the epoch moved on and a Warning Event saying who asked and what was displaced.
 * The displaced operation is ended in the same status write (a rolling upgrade fails with
 * {@link GateReasons#LOCK_FORCE_RELEASED}, progress kept, a retry resumes it under a new epoch; a
 * backup run is recorded as failed), so nothing it decided under the old epoch is ever done. A
 * request that names another holder or epoch, none, or a blue/green attempt is refused with an
 * Event and changes nothing. Either way the request is handled once. See
 * docs/decisions/forced-lock-release.md.
 */
public final class LockRelease {

    private LockRelease() {
    }

    /** The decision on a pending request, or empty when none is pending. A release ends the pass. */
    public static Optional<Decision> decide(DecisionInput in, ClusterStatus status) {
        ForceRelease request = in.spec().forceRelease();
        if (request == null || request.holder() == null || request.holder().isBlank()
                || request.identity().equals(status.requests().lastHandledForceRelease())) {
            return Optional.empty();
        }
        ClusterStatus handled = status.withRequests(status.requests().withForceRelease(request.identity()));
        OperationLock lock = status.operationLock();
        if (request.epoch() == null) {
            return refused(in, handled, request, "it names no epoch; copy status.operationLock.epoch");
        }
        if (Holders.BLUE_GREEN.equals(request.holder()) && lock.isHeld() && Holders.BLUE_GREEN.equals(lock.holder())) {
            return refused(in, handled, request, "a blue/green attempt runs two StatefulSets and is ended with "
                    + "spec.upgrade.requests.rollback, which unwinds it; a forced release would leave both colours "
                    + "without an owner");
        }
        LockOutcome outcome = lock.forceRelease(request.holder(), request.epoch());
        if (!(outcome instanceof LockOutcome.ForceReleased released)) {
            String now = lock.isHeld() ? "the lock is held by " + lock.holder() + " at epoch " + lock.epoch()
                    : "the lock is free at epoch " + lock.epoch();
            return refused(in, handled, request, now);
        }
        OperationLock previous = released.previous();
        String displaced = previous.operation() + " (" + previous.holder() + ") at epoch " + previous.epoch()
                + ", held since " + previous.acquiredAt() + " for " + previous.message();
        String because = "operation lock force-released at the request of " + request.requester() + ": displaced "
                + displaced;
        ClusterStatus next = ended(in, handled.withOperationLock(released.lock()), previous, because);
        AuditFields audit = AuditFields.of(in.cluster().toString(), previous, null);
        return Optional.of(Decision.of(next, Wake.now("operation lock force-released"),
                new Action.Emit(ClusterEvent.warning(GateReasons.LOCK_FORCE_RELEASED, because + "; the lock is free at "
                        + "epoch " + released.lock().epoch() + consequence(status, previous), audit))));
    }

    /** The displaced operation's own state, ended so that it never acts under the old epoch again. */
    private static ClusterStatus ended(DecisionInput in, ClusterStatus status, OperationLock previous, String because) {
        Failure failure = new Failure(GateReasons.LOCK_FORCE_RELEASED, because, in.now());
        if (Holders.UPGRADE.equals(previous.holder()) && status.upgrade() != null && !status.upgrade().failed()) {
            return status.withUpgrade(status.upgrade().withFailure(failure));
        }
        if (Holders.BACKUP.equals(previous.holder()) && status.backup().activeRun() != null) {
            return status.withBackup(status.backup().failed(failure)).withCondition(Condition.BACKING_UP,
                    Condition.Status.False, GateReasons.LOCK_FORCE_RELEASED, because, in.generation(), in.now());
        }
        return status;
    }

    private static String consequence(ClusterStatus status, OperationLock previous) {
        if (Holders.UPGRADE.equals(previous.holder()) && status.upgrade() != null) {
            return "; the rolling upgrade is failed with its progress kept: set spec.upgrade.requests.retry to resume";
        }
        if (Holders.BACKUP.equals(previous.holder()) && status.backup().activeRun() != null) {
            return "; backup run " + status.backup().activeRun().job() + " is recorded as failed and its Job, if it "
                    + "still runs, is no longer followed";
        }
        return "";
    }

    private static Optional<Decision> refused(DecisionInput in, ClusterStatus handled, ForceRelease request,
            String why) {
        AuditFields audit = AuditFields.of(in.cluster().toString(), handled.operationLock(), null);
        String message = "spec.operationLock.forceRelease of " + request.identity() + " by " + request.requester()
                + " refused: " + why + "; nothing changes";
        return Optional.of(Decision.of(handled, Wake.idle(),
                new Action.Emit(ClusterEvent.warning(GateReasons.LOCK_FORCE_RELEASE_REFUSED, message, audit))));
    }
}
