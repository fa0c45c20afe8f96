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
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.UpgradeValidation;
import dev.raftops.domain.version.UpgradeVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starting (and retargeting) a rolling upgrade: validation, the health gate, the lock, then the
 * partition locked with the template of the {@link RollReason} the spec's drift names. Before the
 * first version is known, {@link FirstConvergence} decides instead.
 */
final class RollingStart {

    private RollingStart() {
    }

    /** No upgrade exists: start one when the spec drifts upward and everything allows it. */
    static Decision start(RollingPass pass) {
        DecisionInput in = pass.in();
        ClusterStatus status = pass.status();
        UpgradeVerdict verdict = UpgradeValidation.check(status.currentVersion(), in.spec().version(),
                in.spec().image(), in.spec().upgrade().policy());
        if (verdict.blocked()) {
            return pass.blocked(verdict);
        }
        boolean restart = pass.restartRequest().pending();
        boolean versionChange = verdict.kind() != UpgradeVerdict.Kind.NO_CHANGE;
        if (!versionChange && verdict.reason() != null && !restart) {
            return nothingToRoll(pass, verdict);
        }
        if (restart && !versionChange && pass.workload().map(StatefulSetView::onDelete).orElse(false)) {
            return RollingRestart.refused(pass, "an OnDelete StatefulSet (adopted) is restarted by deleting its pods, "
                    + "which raftops does only to roll a new version; restart it through its owner");
        }
        if (!versionChange && !restart) {
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
        String problem = healthProblem(pass);
        if (problem != null) {
            return pass.notReady(problem);
        }
        List<Integer> leaders = pass.leaders();
        if (leaders.size() > 1) {
            return pass.splitBrain(leaders);
        }
        if (versionChange && in.spec().upgrade().preUpgradeSnapshot() && in.spec().backup() == null) {
            return pass.blocked(new UpgradeVerdict(UpgradeVerdict.Kind.BLOCKED,
                    SNAPSHOT_PREREQUISITE_MISSING, "spec.upgrade.preUpgradeSnapshot needs spec.backup (target and "
                            + "executor image) to take the snapshot", verdict.target(), List.of()));
        }
        String target = versionChange ? verdict.target().toString() : status.currentVersion();
        String restartAt = restart ? pass.restartRequest().token() : null;
        RollReason reason = versionChange
                ? new RollReason.VersionChange(status.currentVersion(), target, in.spec().imageFor(target))
                : new RollReason.Restart(restartAt, target, in.spec().imageFor(target));
        LockOutcome lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, reason.operation(),
                in.now());
        Optional<Decision> first = lockedFirst(pass, lock);
        if (first.isPresent()) {
            return first.get();
        }
        StatefulSetView sts = pass.workload().orElseThrow();
        Map<Integer, PodView> pods = pass.pods(sts);
        String image = reason.image();
        int replicas = in.spec().replicas();
        RollOrder order = RollOrder.of(sts);
        RollingProgress progress = RollingProgress.started(status.currentVersion(), target, image, in.now(), replicas,
                List.of(), 1, versionChange && in.spec().upgrade().preUpgradeSnapshot()).withRestartAt(restartAt);
        progress = progress.withPlan(order.plan(progress, replicas, pods));
        String startReason = versionChange ? UPGRADE_STARTED : RESTART_STARTED;
        String what = versionChange ? "upgrading " + status.currentVersion() + " to " + target
                : "restarting every pod on " + target + " as requested at " + restartAt;
        ClusterStatus requests = restart ? status.withRequests(status.requests().withRestart(restartAt)) : status;
        ClusterStatus next = requests.withOperationLock(lock.lock()).withUpgrade(progress)
                .withCondition(Condition.UPGRADING, Condition.Status.True, startReason, what, in.generation(), in.now());
        List<Action> actions = new ArrayList<>();
        actions.add(order.start(sts, replicas, image, restartAt));
        actions.add(new Action.Emit(ClusterEvent.normal(startReason, what + (versionChange && restart
                ? " with the restart requested at " + restartAt + " folded in" : "") + ", " + replicas + " pods, "
                + (order == RollOrder.PARTITION ? "highest ordinal first" : "deleting followers first, the leader last"),
                pass.audit(lock.lock()))));
        for (String warning : verdict.warnings()) {
            actions.add(new Action.Emit(ClusterEvent.warning(RollingReasons.UPGRADE_POLICY_WARNING, warning, pass.audit(lock.lock()))));
        }
        return new Decision(actions, next, Wake.now("partition locked"));
    }

    /**
     * {@code spec.version} changed while an upgrade exists: the partition is locked again at
     * {@code replicas} with the new image, and every pod (also those on the old target) rolls again,
     * one at a time, under the same leader and quorum checks.
     */
    static Decision retarget(RollingPass pass, UpgradeVerdict verdict) {
        DecisionInput in = pass.in();
        RollingProgress progress = pass.progress();
        ClusterStatus status = in.status();
        if (verdict.blocked()) {
            return pass.blocked(verdict);
        }
        SemVer oldTarget = SemVer.parse(progress.targetVersion());
        if (verdict.kind() == UpgradeVerdict.Kind.NO_CHANGE || verdict.target().compareTo(oldTarget) < 0) {
            return pass.blocked(new UpgradeVerdict(UpgradeVerdict.Kind.BLOCKED, UpgradeVerdict.DOWNGRADE_BLOCKED,
                    "spec.version " + verdict.target() + " is lower than the upgrade target " + oldTarget
                            + ", which pods may already run; downgrades are never performed", verdict.target(),
                    List.of()));
        }
        String target = verdict.target().toString();
        RollReason reason = new RollReason.VersionChange(progress.fromVersion(), target, in.spec().imageFor(target));
        LockOutcome lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, reason.operation(),
                in.now());
        Optional<Decision> first = lockedFirst(pass, lock);
        if (first.isPresent()) {
            return first.get();
        }
        StatefulSetView sts = pass.workload().orElse(null);
        if (sts == null) {
            return pass.notReady("StatefulSet " + in.statefulSetName() + " not found");
        }
        int replicas = in.spec().replicas();
        String image = reason.image();
        RollOrder order = RollOrder.of(sts);
        RollingProgress next = RollingProgress.started(progress.fromVersion(), target, image, in.now(), replicas,
                List.of(), progress.attempt() + 1, in.spec().upgrade().preUpgradeSnapshot());
        next = next.withPlan(order.plan(next, replicas, pass.pods(sts)));
        String message = "retargeted from " + progress.targetVersion() + " to " + target
                + "; every pod rolls again from ordinal " + order.target(next);
        ClusterStatus nextStatus = pass.acknowledgedRetry().withOperationLock(lock.lock()).withUpgrade(next)
                .withCondition(Condition.DEGRADED, Condition.Status.False, UPGRADE_RETARGETED, message,
                        in.generation(), in.now())
                .withCondition(Condition.UPGRADING, Condition.Status.True, UPGRADE_RETARGETED, message,
                        in.generation(), in.now());
        return Decision.of(nextStatus, Wake.now("retargeted"),
                order.start(sts, replicas, image, null),
                new Action.Emit(ClusterEvent.normal(UPGRADE_RETARGETED, message, pass.audit(lock.lock()))));
    }

    /**
     * The desired version differs from the running one only in build metadata: the same image, so
     * nothing rolls; the {@code Upgrading} condition and one Normal Event (per distinct message) say so.
     */
    private static Decision nothingToRoll(RollingPass pass, UpgradeVerdict verdict) {
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

    /**
     * The pass ends here unless the upgrade already held the lock: contention waits, and a lock just
     * acquired is persisted before the first workload write.
     */
    private static Optional<Decision> lockedFirst(RollingPass pass, LockOutcome lock) {
        if (!lock.holds()) {
            return Optional.of(pass.lockBlocked(lock.lock()));
        }
        if (lock instanceof LockOutcome.Acquired) {
            return Optional.of(Decision.of(pass.status().withOperationLock(lock.lock()), Wake.now("lock acquired")));
        }
        return Optional.empty();
    }

    /** What stops a new upgrade from starting, or null: all pods present, Ready, caught up, one leader. */
    private static String healthProblem(RollingPass pass) {
        DecisionInput in = pass.in();
        StatefulSetView sts = pass.workload().orElse(null);
        if (sts == null) {
            return "StatefulSet " + in.statefulSetName() + " not found";
        }
        if (sts.replicas() != in.spec().replicas()) {
            return "StatefulSet has " + sts.replicas() + " replicas, spec asks for " + in.spec().replicas();
        }
        Map<Integer, PodView> pods = pass.pods(sts);
        long maxLag = pass.maxLag();
        for (int ordinal = 0; ordinal < in.spec().replicas(); ordinal++) {
            PodView pod = pods.get(ordinal);
            if (pod == null) {
                return "pod " + sts.name() + "-" + ordinal + " does not exist";
            }
            if (!pod.caughtUp(maxLag)) {
                return "pod " + pod.name() + " is not Ready and caught up";
            }
        }
        if (pass.leaders().isEmpty() && in.spec().replicas() > 1) {
            return "no pod reports Raft leadership";
        }
        return null;
    }
}
