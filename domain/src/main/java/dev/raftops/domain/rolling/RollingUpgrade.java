package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Maintenance;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The rolling-upgrade decision: a pure function from (spec, status, observation, now) to the next
 * actions, the next {@code status.upgrade} and when to look again. See {@code package-info.java}
 * for the steps and the invariants they keep.
 *
 * <p>It owns the order: the gates in order of authority (nothing known yet, another strategy,
 * break-glass), then one closed switch over the {@link RollingPhase}s, with the lock, the workload
 * and its template checked before every running phase, and the retry of a failed upgrade. Which pod
 * goes down, and when, is {@link PartitionRoll}'s alone; nothing it calls calls back.
 */
public final class RollingUpgrade {

    /** What a failed upgrade waits for. */
    static final String FAILED_WAIT = "waiting for spec.upgrade.requests.retry or a new spec.version";

    private static final String RESTARTED_AT = Maintenance.RESTARTED_AT_ANNOTATION;


    private RollingUpgrade() {
    }

    public static Decision decide(DecisionInput in) {
        RollingPass pass = RollingPass.of(in);
        RollingPhase phase = RollingPhase.of(pass);
        boolean otherStrategy = phase == RollingPhase.Steady && pass.strategy() != UpgradeStrategy.ROLLING_UPDATE;
        if (otherStrategy && pass.restartRequest().pending() && !in.status().breakGlass().active()) {
            return RollingRestart.refusedForBlueGreen(pass);
        }
        if (otherStrategy || phase != RollingPhase.Converging && in.status().breakGlass().active()) {
            return Decision.of(in.status(), Wake.idle()); // break-glass halts quorum-risk automation; the gates explain why
        }
        return switch (phase) {
            case Converging -> FirstConvergence.decide(pass, pass.strategy());
            case Steady -> RollingStart.start(pass.acknowledgingRetry());
            case Retargeting -> RollingStart.retarget(pass, pass.retargetVerdict());
            case Restarting -> RollingRestart.fold(pass.acknowledgingRetry());
            case Failed -> failed(pass);
            case Snapshotting -> running(pass.acknowledgingRetry(), (p, sts) -> PreUpgradeSnapshot.decide(p));
            case Rolling -> running(pass.acknowledgingRetry(), PartitionRoll::next);
            case Finishing -> running(pass.acknowledgingRetry(), PartitionRoll::finish);
        };
    }

    /** A running upgrade holds the lock, and finds its StatefulSet with the template it set, before any step. */
    private static Decision running(RollingPass pass, BiFunction<RollingPass, StatefulSetView, Decision> step) {
        if (!pass.reason().ownsLock()) {
            return RestoreRestart.running(pass, step);
        }
        LockOutcome lock = pass.status().operationLock().acquire(Operation.Upgrade, Holders.UPGRADE,
                pass.reason().operation() + " (in progress)", pass.in().now());
        if (lock instanceof LockOutcome.HeldByOther held) {
            return pass.fail(OPERATION_LOCK_LOST, "upgrade halted: the operation lock is held by "
                    + held.lock().operation() + " (" + held.lock().holder() + ")");
        }
        if (lock instanceof LockOutcome.Acquired) {
            return Decision.of(pass.status().withOperationLock(lock.lock()), Wake.now("lock re-acquired"));
        }
        return onTemplate(pass, step);
    }

    /** The step, once the StatefulSet exists and carries the template the roll set. */
    static Decision onTemplate(RollingPass pass, BiFunction<RollingPass, StatefulSetView, Decision> step) {
        StatefulSetView sts = pass.workload().orElse(null);
        if (sts == null) {
            return pass.notReady("StatefulSet " + pass.in().statefulSetName() + " not found");
        }
        if (!Objects.equals(sts.templateImage(), pass.reason().image())) {
            return pass.waitFor(TEMPLATE_DRIFT, "StatefulSet template image is " + sts.templateImage()
                    + ", the upgrade targets " + pass.reason().image());
        }
        String restartAt = pass.progress().restartAt();
        if (restartAt != null && !Objects.equals(sts.templateRestartedAt(), restartAt)) {
            return pass.waitFor(TEMPLATE_DRIFT, "StatefulSet template annotation " + RESTARTED_AT + " is "
                    + sts.templateRestartedAt() + ", the roll answers the restart request " + restartAt);
        }
        return step.apply(pass, sts);
    }

    /** A failed upgrade waits for a retry token (or a new version); it never rolls back by itself. */
    private static Decision failed(RollingPass pass) {
        ClusterStatus status = pass.status();
        RollingProgress progress = pass.progress();
        OneShotRequest retry = pass.retryRequest();
        if (!retry.pending()) {
            OperationLock released = status.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock();
            ClusterStatus next = pass.condition(status.withOperationLock(released), Condition.DEGRADED,
                    Condition.Status.True, progress.failure().reason(), progress.failure().message());
            next = pass.condition(next, Condition.UPGRADING, Condition.Status.False, UPGRADE_FAILED,
                    FAILED_WAIT);
            return Decision.of(next, Wake.idle());
        }
        AuditFields audit = pass.audit();
        LockOutcome lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE,
                pass.reason().operation() + " (retry)", pass.in().now());
        if (!lock.holds()) {
            return pass.lockBlocked(lock.lock());
        }
        RollingProgress retried = progress.retried(pass.in().now());
        ClusterStatus next = pass.condition(status.withOperationLock(lock.lock())
                .withRequests(status.requests().withRetry(retry.token())).withUpgrade(retried),
                Condition.DEGRADED, Condition.Status.False, RETRY_ACCEPTED, "retry " + retry.token() + " accepted");
        next = pass.condition(next, Condition.UPGRADING, Condition.Status.True, RETRY_ACCEPTED, "resuming the "
                + pass.reason().operation() + " at ordinal " + pass.workload().map(RollOrder::of)
                        .orElse(RollOrder.PARTITION).target(progress));
        Decision decision = Decision.of(next, Wake.now("retry accepted"),
                new Action.Emit(ClusterEvent.normal(RETRY_ACCEPTED, "retry " + retry.token()
                        + " accepted: time budgets restart, attempt " + retried.attempt(), audit)));
        Action.DeletePod stuck = stuckPod(pass);
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
    private static Action.DeletePod stuckPod(RollingPass pass) {
        StatefulSetView sts = pass.workload().orElse(null);
        RollOrder order = RollOrder.of(sts);
        int target = order.target(pass.progress());
        if (target < 0 || sts == null) {
            return null;
        }
        Map<Integer, PodView> pods = pass.pods(sts);
        PodView pod = pods.get(target);
        boolean released = order == RollOrder.PARTITION ? sts.effectivePartition() <= target
                : pass.progress().releasedAt() != null;
        if (!released) {
            return null;
        }
        if (pod == null || pod.uid() == null || pod.terminating()) {
            return null;
        }
        boolean stuck = !pod.ready() || !Objects.equals(pod.revision(), sts.updateRevision());
        // from the workload's API only a known follower is safe: a pod whose probe fails may lead
        boolean notLeading = pod.member() == null ? !pod.isLeader() : pod.member().follower();
        boolean safe = (pass.replicas() == 1 || notLeading)
                && Quorum.allowsTakingDown(target, pass.replicas(), pods, pass.maxLag());
        return stuck && safe ? new Action.DeletePod(pod.name(), pod.uid(), pod.resourceVersion()) : null;
    }
}
