package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BreakGlassReason;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.UpgradeValidation;
import dev.raftops.domain.version.UpgradeVerdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over the rolling upgrade: the decision input and the upgrade's progress (null while no
 * upgrade exists). It reads what every step needs (the workload, the leaders, the lag limit, the
 * reason to roll) and builds the decisions every step ends with, so waits, failures and Events
 * read the same everywhere. The rolling counterpart of blue/green's {@code Cutover}.
 *
 * @param received the status the rolling decision was handed, before this pass changed anything: what a
 *     step that writes no status of its own (a step-down) leaves {@code status.upgrade} and the conditions at
 */
record RollingPass(DecisionInput in, RollingProgress progress, ClusterStatus received) {

    static RollingPass of(DecisionInput in) {
        return new RollingPass(in, in.status().upgrade(), in.status());
    }

    ClusterStatus status() {
        return in.status();
    }

    int replicas() {
        return in.spec().replicas();
    }

    /** Why the pods roll; only while an upgrade exists. */
    RollReason reason() {
        return RollReason.of(progress);
    }

    /** The same pass over {@code next}, whose {@code upgrade} becomes the progress. */
    RollingPass over(ClusterStatus next) {
        return new RollingPass(in.withStatus(next), next.upgrade(), received);
    }

    /** The same pass with {@code value} as the progress (not yet in status). */
    RollingPass with(RollingProgress value) {
        return new RollingPass(in, value, received);
    }

    /** The accepted strategy (an unreadable one falls back to the spec's). */
    UpgradeStrategy strategy() {
        String accepted = status().acceptedUpgradeStrategy();
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
    UpgradeVerdict retargetVerdict() {
        UpgradeVerdict verdict = UpgradeValidation.check(status().currentVersion(), in.spec().version(),
                in.spec().image(), in.spec().upgrade().policy());
        if (verdict.target() != null && verdict.target().samePrecedence(SemVer.parse(progress.targetVersion()))) {
            return null;
        }
        return verdict;
    }

    /** A retry token that arrives while nothing failed is recorded as handled, so it never fires later. */
    ClusterStatus acknowledgedRetry() {
        OneShotRequest retry = retryRequest();
        return retry.pending() ? status().withRequests(status().requests().withRetry(retry.token())) : status();
    }

    RollingPass acknowledgingRetry() {
        return new RollingPass(in.withStatus(acknowledgedRetry()), progress, received);
    }

    /**
     * This pass's status with {@code status.upgrade} and the conditions as {@link #received}: the
     * progress this pass recorded (a finished ordinal) waits for the next write that has to happen
     * anyway (the release), so the step in between costs no status write.
     */
    ClusterStatus unwritten() {
        return status().withUpgrade(received.upgrade()).withConditions(received.conditions());
    }

    /** {@code spec.maintenance.restartAt} against the last one handled. */
    OneShotRequest restartRequest() {
        return new OneShotRequest(in.spec().maintenance().restartAt(), status().requests().lastHandledRestart());
    }

    OneShotRequest retryRequest() {
        return new OneShotRequest(in.spec().upgrade().requests().retry(), status().requests().lastHandledRetry());
    }

    Optional<StatefulSetView> workload() {
        return in.observation().statefulSet(in.statefulSetName());
    }

    Map<Integer, PodView> pods(StatefulSetView sts) {
        return in.observation().podsOf(sts.name());
    }

    /** How far behind the leader a pod may be and still count as caught up ({@code spec.upgrade.rolling.maxLagEntries}). */
    long maxLag() {
        return in.spec().upgrade().rollingMaxLagEntries();
    }

    /** The one test of "this pod is done" for this upgrade: {@link RollReason#rolled}. */
    boolean rolled(PodView pod, StatefulSetView sts) {
        return reason().rolled(pod, sts, maxLag());
    }

    /** The ordinals of the voters that report Raft leadership. */
    List<Integer> leaders() {
        return in.observation().podsOf(in.statefulSetName()).values().stream()
                .filter(p -> p.ordinal() < replicas() && p.isLeader())
                .map(PodView::ordinal).toList();
    }

    AuditFields audit() {
        return audit(status().operationLock());
    }

    AuditFields audit(OperationLock lock) {
        return AuditFields.of(in.cluster().toString(), lock, null);
    }

    Wake poll(String reason) {
        return Wake.onEvent(in.timing().poll(in.random()), reason);
    }

    ClusterStatus condition(ClusterStatus status, String type, Condition.Status value, String reason, String message) {
        return status.withCondition(type, value, reason, message, in.generation(), in.now());
    }

    /** Waiting inside a running upgrade: {@code Progressing} names what the next step waits for. */
    Decision waitFor(String reason, String message) {
        return Decision.of(condition(status(), Condition.PROGRESSING, Condition.Status.True, reason, message),
                poll(message));
    }

    /** The cluster itself is not ready for the next step (no StatefulSet, pods missing or lagging). */
    Decision notReady(String problem) {
        ClusterStatus next = condition(status(), Condition.PROGRESSING, Condition.Status.False, CLUSTER_NOT_READY, problem);
        return Decision.of(next, Wake.after(in.timing().poll(in.random()), problem));
    }

    /** Records the first failure only; later failures leave reason and message alone. */
    Decision fail(String reason, String message) {
        if (progress.failed()) {
            return Decision.of(status(), Wake.idle());
        }
        RollingProgress failed = progress.withFailure(new Failure(reason, message, in.now()));
        // a roll under another operation's lock leaves it to that operation (a restore records its failure)
        OperationLock released = reason().ownsLock()
                ? status().operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock() : status().operationLock();
        ClusterStatus next = condition(status().withUpgrade(failed).withOperationLock(released), Condition.DEGRADED,
                Condition.Status.True, reason, message);
        next = condition(next, Condition.UPGRADING, Condition.Status.False, UPGRADE_FAILED, message);
        return Decision.of(next, Wake.idle(), new Action.Emit(ClusterEvent.warning(reason, message
                + "; progress is kept, set spec.upgrade.requests.retry to resume", audit())));
    }

    /** Invalid or disallowed target: status and an Event (once per distinct message), nothing else. */
    Decision blocked(UpgradeVerdict verdict) {
        boolean known = Condition.find(status().conditions(), Condition.UPGRADING)
                .map(c -> c.reason().equals(verdict.reason()) && c.message().equals(verdict.message()))
                .orElse(false);
        ClusterStatus next = condition(status(), Condition.UPGRADING, Condition.Status.False, verdict.reason(),
                verdict.message());
        if (known) {
            return Decision.of(next, Wake.idle());
        }
        return Decision.of(next, Wake.idle(), new Action.Emit(ClusterEvent.warning(verdict.reason(), verdict.message(),
                audit())));
    }

    Decision lockBlocked(OperationLock heldBy) {
        String message = "operation lock held by " + heldBy.operation() + " (" + heldBy.holder() + "): "
                + java.util.Objects.toString(heldBy.message(), "");
        ClusterStatus next = condition(status(), Condition.PROGRESSING, Condition.Status.False, OPERATION_LOCK_BLOCKED,
                message);
        return Decision.of(next, Wake.after(in.timing().contention(in.random()), "lock contention"),
                new Action.Emit(ClusterEvent.warning(OPERATION_LOCK_BLOCKED, message, audit(heldBy))));
    }

    /** Split brain stops everything: break-glass, with the steps a person needs. */
    Decision splitBrain(List<Integer> leaders) {
        String message = "pods " + leaders + " all report Raft leadership";
        ClusterStatus next = condition(status().withBreakGlass(status().breakGlass().enter(in.cluster(),
                BreakGlassReason.SplitBrain, message, in.random(), in.now())), Condition.BREAK_GLASS,
                Condition.Status.True, SPLIT_BRAIN, message);
        return Decision.of(next, Wake.idle(), new Action.Emit(ClusterEvent.warning(SPLIT_BRAIN,
                message + "; automation halted, see status.breakGlass.steps", audit())));
    }
}
