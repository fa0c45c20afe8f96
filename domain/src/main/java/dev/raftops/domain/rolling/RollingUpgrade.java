package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.ClusterStatus;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.cluster.UpgradeStrategy;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.gates.BreakGlassReason;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.UpgradeValidation;
import dev.raftops.domain.version.UpgradeVerdict;
import java.util.List;
import java.util.Map;

/**
 * The rolling-upgrade decision: a pure function from (spec, status, observation, now) to the next
 * actions, the next {@code status.upgrade} and when to look again. See {@code package-info.java}
 * for the steps and the invariants they keep.
 */
public final class RollingUpgrade {

    /** What a failed upgrade waits for. */
    static final String FAILED_WAIT = "waiting for spec.upgrade.requests.retry or a new spec.version";

    private RollingUpgrade() {
    }

    public static Decision decide(DecisionInput in) {
        ClusterStatus status = in.status();
        RollingProgress progress = status.upgrade();
        if (status.currentVersion() == null && progress == null) {
            return RollingStart.firstConvergence(in, strategy(in));
        }
        if (progress == null && strategy(in) != UpgradeStrategy.ROLLING_UPDATE) {
            return Decision.of(status, Wake.idle());
        }
        if (status.breakGlass().active()) {
            return Decision.of(status, Wake.idle()); // quorum-risk automation halts; the gates explain why
        }
        if (progress == null) {
            return RollingStart.decide(in);
        }
        UpgradeVerdict retarget = retargetVerdict(in, progress);
        if (retarget != null) {
            return RollingStart.retarget(in, progress, retarget);
        }
        if (progress.failed()) {
            return failed(in, progress);
        }
        ClusterStatus acknowledged = acknowledgeIgnoredRetry(in, status);
        return RollingStep.decide(in.withStatus(acknowledged), progress);
    }

    static UpgradeStrategy strategy(DecisionInput in) {
        String accepted = in.status().acceptedUpgradeStrategy();
        if (accepted != null) {
            try {
                return UpgradeStrategy.fromWire(accepted);
            } catch (IllegalArgumentException e) {
                return in.spec().upgrade().strategy();
            }
        }
        return in.spec().upgrade().strategy();
    }

    /**
     * The verdict on a changed {@code spec.version} while an upgrade exists, or null when the spec
     * still asks for the upgrade's target (same precedence).
     */
    private static UpgradeVerdict retargetVerdict(DecisionInput in, RollingProgress progress) {
        UpgradeVerdict verdict = UpgradeValidation.check(in.status().currentVersion(), in.spec().version(),
                in.spec().image(), in.spec().upgrade().policy());
        if (verdict.target() != null && verdict.target().samePrecedence(SemVer.parse(progress.targetVersion()))) {
            return null;
        }
        return verdict;
    }

    /** A failed upgrade waits for a retry token (or a new version); it never rolls back by itself. */
    private static Decision failed(DecisionInput in, RollingProgress progress) {
        ClusterStatus status = in.status();
        OneShotRequest retry = new OneShotRequest(in.spec().upgrade().requests().retry(),
                status.requests().lastHandledRetry());
        AuditFields audit = audit(in, status.operationLock());
        if (!retry.pending()) {
            OperationLock released = status.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock();
            ClusterStatus next = status.withOperationLock(released)
                    .withCondition(Condition.DEGRADED, Condition.Status.True, progress.failure().reason(),
                            progress.failure().message(), in.generation(), in.now())
                    .withCondition(Condition.UPGRADING, Condition.Status.False, UPGRADE_FAILED,
                            FAILED_WAIT, in.generation(), in.now());
            return Decision.of(next, Wake.idle());
        }
        LockOutcome lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE,
                "upgrade to " + progress.targetVersion() + " (retry)", in.now());
        if (!lock.holds()) {
            return RollingStart.lockBlocked(in, status, lock.lock());
        }
        RollingProgress retried = progress.retried(in.now());
        ClusterStatus next = status.withOperationLock(lock.lock())
                .withRequests(status.requests().withRetry(retry.token()))
                .withUpgrade(retried)
                .withCondition(Condition.DEGRADED, Condition.Status.False, RETRY_ACCEPTED,
                        "retry " + retry.token() + " accepted", in.generation(), in.now())
                .withCondition(Condition.UPGRADING, Condition.Status.True, RETRY_ACCEPTED,
                        "resuming the upgrade to " + progress.targetVersion() + " at ordinal " + progress.targetOrdinal(),
                        in.generation(), in.now());
        Decision decision = Decision.of(next, Wake.now("retry accepted"),
                new Action.Emit(ClusterEvent.normal(RETRY_ACCEPTED, "retry " + retry.token()
                        + " accepted: time budgets restart, attempt " + retried.attempt(), audit)));
        Action.DeletePod stuck = stuckPod(in, progress);
        if (stuck != null) {
            decision = decision.plus(stuck, new Action.Emit(ClusterEvent.normal(STUCK_POD_DELETED,
                    "deleting pod " + stuck.pod() + " stuck on the wrong revision or not Ready", audit)));
        }
        return decision;
    }

    /**
     * The released target pod, when it is stuck (not Ready, or not on the update revision) and
     * deleting it cannot cost quorum or the leader: a StatefulSet does not replace such a pod by itself.
     */
    private static Action.DeletePod stuckPod(DecisionInput in, RollingProgress progress) {
        int target = progress.targetOrdinal();
        StatefulSetView sts = in.observation().statefulSet(in.statefulSetName()).orElse(null);
        if (target < 0 || sts == null || sts.effectivePartition() > target) {
            return null;
        }
        Map<Integer, PodView> pods = in.observation().podsOf(sts.name());
        PodView pod = pods.get(target);
        if (pod == null || pod.uid() == null || pod.terminating()) {
            return null;
        }
        boolean stuck = !pod.ready() || !java.util.Objects.equals(pod.revision(), sts.updateRevision());
        boolean safe = (in.spec().replicas() == 1 || !pod.isLeader())
                && Quorum.allowsTakingDown(target, in.spec().replicas(), pods, maxLag(in));
        return stuck && safe ? new Action.DeletePod(pod.name(), pod.uid()) : null;
    }

    /** A retry token that arrives while nothing failed is recorded as handled, so it never fires later. */
    static ClusterStatus acknowledgeIgnoredRetry(DecisionInput in, ClusterStatus status) {
        OneShotRequest retry = new OneShotRequest(in.spec().upgrade().requests().retry(),
                status.requests().lastHandledRetry());
        return retry.pending() ? status.withRequests(status.requests().withRetry(retry.token())) : status;
    }

    static long maxLag(DecisionInput in) {
        return in.spec().upgrade().blueGreen().verification().maxLagEntries();
    }

    static AuditFields audit(DecisionInput in, OperationLock lock) {
        return AuditFields.of(in.cluster().toString(), lock, null);
    }

    /** Records the first failure only; later failures leave reason and message alone. */
    static Decision fail(DecisionInput in, RollingProgress progress, String reason, String message) {
        ClusterStatus status = in.status();
        if (progress.failed()) {
            return Decision.of(status, Wake.idle());
        }
        RollingProgress failed = progress.withFailure(new Failure(reason, message, in.now()));
        OperationLock released = status.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock();
        ClusterStatus next = status.withUpgrade(failed).withOperationLock(released)
                .withCondition(Condition.DEGRADED, Condition.Status.True, reason, message, in.generation(), in.now())
                .withCondition(Condition.UPGRADING, Condition.Status.False, UPGRADE_FAILED, message, in.generation(),
                        in.now());
        AuditFields audit = audit(in, status.operationLock());
        return Decision.of(next, Wake.idle(),
                new Action.Emit(ClusterEvent.warning(reason, message + "; progress is kept, set "
                        + "spec.upgrade.requests.retry to resume", audit)));
    }

    /** Split brain stops everything: break-glass, with the steps a person needs. */
    static Decision splitBrain(DecisionInput in, List<Integer> leaders) {
        String message = "pods " + leaders + " all report Raft leadership";
        ClusterStatus next = in.status()
                .withBreakGlass(in.status().breakGlass().enter(in.cluster(), BreakGlassReason.SplitBrain, message,
                        in.random(), in.now()))
                .withCondition(Condition.BREAK_GLASS, Condition.Status.True, SPLIT_BRAIN, message, in.generation(),
                        in.now());
        return Decision.of(next, Wake.idle(), new Action.Emit(ClusterEvent.warning(SPLIT_BRAIN,
                message + "; automation halted, see status.breakGlass.steps", audit(in, in.status().operationLock()))));
    }
}
