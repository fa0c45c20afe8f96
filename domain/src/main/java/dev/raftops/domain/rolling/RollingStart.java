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
import dev.raftops.domain.resource.ClusterSpec;
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

    /**
     * No upgrade exists: start one when the spec drifts upward, names another image for the version
     * the cluster runs, or asks for a restart, and everything allows it.
     */
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
        String runs = runningImage(pass);
        boolean imageChange = !versionChange && runs != null && !runs.equals(in.spec().imageFor(status.currentVersion()));
        if (!versionChange && verdict.reason() != null && !restart && !imageChange) {
            return NothingToRoll.buildMetadataOnly(pass, verdict);
        }
        if (restart && !versionChange && !imageChange && pass.workload().map(StatefulSetView::onDelete).orElse(false)) {
            return RollingRestart.refused(pass, "an OnDelete StatefulSet (adopted) is restarted by deleting its pods, "
                    + "which raftops does only to roll a new version or image; restart it through its owner");
        }
        if (!versionChange && !restart && !imageChange) {
            return NothingToRoll.upToDate(pass);
        }
        String problem = healthProblem(pass);
        if (problem != null) {
            return pass.notReady(problem);
        }
        List<Integer> leaders = pass.leaders();
        if (leaders.size() > 1) {
            return pass.splitBrain(leaders);
        }
        // a new image is a new binary, even at the same version: the snapshot the spec asks for is taken first
        boolean snapshot = (versionChange || imageChange) && in.spec().upgrade().preUpgradeSnapshot();
        if (snapshot && in.spec().backup() == null) {
            return pass.blocked(new UpgradeVerdict(UpgradeVerdict.Kind.BLOCKED,
                    SNAPSHOT_PREREQUISITE_MISSING, ClusterSpec.SNAPSHOT_NEEDS_BACKUP, verdict.target(), List.of()));
        }
        String target = versionChange ? verdict.target().toString() : status.currentVersion();
        String restartAt = restart ? pass.restartRequest().token() : null;
        StatefulSetView sts = pass.workload().orElseThrow();
        RollReason reason = reasonOf(versionChange, restartAt, status.currentVersion(), target, runs,
                in.spec().imageFor(target));
        LockOutcome lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, reason.operation(),
                in.now());
        if (imageChange && lock.holds() && status.currentImage() == null) {
            // a status written before images were recorded: the image the pods run is persisted with the lock, before
            // the template changes, so a crash after the template write still finds the change to roll
            return Decision.of(status.withOperationLock(lock.lock()).withCurrentImage(runs), Wake.now("lock acquired"));
        }
        Optional<Decision> first = lockedFirst(pass, lock);
        if (first.isPresent()) {
            return first.get();
        }
        Map<Integer, PodView> pods = pass.pods(sts);
        String image = reason.image();
        int replicas = in.spec().replicas();
        RollOrder order = RollOrder.of(sts);
        RollingProgress progress = RollingProgress.started(status.currentVersion(), target, image, in.now(), replicas,
                List.of(), 1, snapshot).withRestartAt(restartAt).withFromImage(runs);
        progress = progress.withPlan(order.plan(progress, replicas, pods));
        String startReason = versionChange ? UPGRADE_STARTED : restart ? RESTART_STARTED : IMAGE_CHANGE_STARTED;
        String what = versionChange ? "upgrading " + status.currentVersion() + " to " + target
                : restart ? "restarting every pod on " + target + " as requested at " + restartAt
                        + (imageChange ? ", onto image " + image : "")
                : "changing the image of every pod on " + target + " from " + runs + " to " + image;
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
     * The image the pods run: {@code status.currentImage}, or, in a status written before it was recorded, the live
     * template's; null when neither is known. A {@code spec.image} naming another one for the running version is an
     * image change, rolled like an upgrade (docs/decisions/image-change-is-a-roll.md).
     */
    private static String runningImage(RollingPass pass) {
        String recorded = pass.status().currentImage();
        return recorded != null ? recorded : pass.workload().map(StatefulSetView::templateImage).orElse(null);
    }

    private static RollReason reasonOf(boolean versionChange, String restartAt, String current, String target,
            String fromImage, String image) {
        if (versionChange) {
            return new RollReason.VersionChange(current, target, image);
        }
        return restartAt != null ? new RollReason.Restart(restartAt, target, image)
                : new RollReason.ImageChange(target, fromImage, image);
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
                List.of(), progress.attempt() + 1, in.spec().upgrade().preUpgradeSnapshot())
                .withFromImage(progress.fromImage());
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
                return "pod " + pod.name() + " is not Ready and caught up"
                        + (pod.member() == null ? "" : " (waits for: " + String.join(", ", pod.waitsFor(maxLag)) + ")");
            }
        }
        if (pass.leaders().isEmpty() && in.spec().replicas() > 1) {
            return "no pod reports Raft leadership";
        }
        return null;
    }
}
