package dev.raftops.domain.bluegreen;

import dev.raftops.domain.bluegreen.ExecutorStep.OnFailure;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.BlueGreenTarget;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import java.util.HexFormat;

/**
 * Idle: retire leftovers of earlier attempts, then start a new attempt when the version drifted,
 * the policy allows the target, and the target is not latched as failed. Starting only takes the
 * lock and freezes the target (a status write); Green is created by the next pass, so the lock is
 * persisted before the first write to the workload.
 */
final class AttemptStart {

    private AttemptStart() {
    }

    static Decision idle(Cutover c) {
        Decision leftovers = retireLeftovers(c);
        if (leftovers != null) {
            return leftovers;
        }
        // Idle holds no lock: an attempt that ended released it; a crash between two writes cannot leave it.
        ClusterStatus status = c.holdsLock()
                ? c.in().status().withOperationLock(c.lock().release(Operation.BlueGreen, Holders.BLUE_GREEN).lock())
                : c.in().status();
        c = c.over(status);
        ClusterSpec spec = c.in().spec();
        if (status.currentVersion() == null) {
            return Decision.of(status, Wake.idle());
        }
        TargetCheck.Verdict verdict = TargetCheck.check(status.currentVersion(), spec.version(), spec.image(),
                spec.upgrade().policy());
        switch (verdict.kind()) {
            case NO_CHANGE:
                if (verdict.reason() != null) {
                    return nothingToRoll(c, status, verdict);
                }
                String image = imageChangeRefused(c, spec, status.currentVersion());
                return image == null ? Decision.of(status, Wake.idle())
                        : blocked(c, BlueGreenReasons.IMAGE_CHANGE_NOT_SUPPORTED, image);
            case BLOCKED:
                return blocked(c, verdict.reason(), verdict.message());
            default:
                break;
        }
        BlueGreenTarget target = new BlueGreenTarget(verdict.target(), spec.image(), spec.replicas(),
                c.spec().autoPromote());
        if (target.revision().equals(c.bg().failedTarget())) {
            return blocked(c, BlueGreenReasons.TARGET_LATCHED, latched(target));
        }
        LockOutcome lock = c.lock().acquire(Operation.BlueGreen, Holders.BLUE_GREEN,
                "blue/green upgrade to " + target.version(), c.now());
        if (!lock.holds()) {
            String why = "operation lock held by " + c.lock().operation() + " (" + c.lock().holder() + ")";
            Decision wait = Decision.of(c.upgrading(status, false, BlueGreenReasons.LOCK_HELD, why),
                    Wake.after(c.in().timing().contention(c.in().random()), "lock contention"));
            return c.upgradingReasonIs(BlueGreenReasons.LOCK_HELD) ? wait
                    : wait.plus(c.warning(BlueGreenReasons.LOCK_HELD, "blue/green upgrade waits: " + why));
        }
        byte[] id = new byte[4];
        c.in().random().nextBytes(id);
        BlueGreenStatus started = c.bg().started(HexFormat.of().formatHex(id), target, null, c.now());
        if (spec.upgrade().preUpgradeSnapshot()) {
            started = started.withSnapshotJob(
                    ExecutorStep.jobName(c.after(started), ExecutorAction.PRE_UPGRADE_SNAPSHOT, OnFailure.COUNTED));
        }
        String message = "blue/green upgrade " + status.currentVersion() + " -> " + target.version() + " (Green "
                + Revision.statefulSet(c.cluster(), target.revision()) + ", attempt " + started.attemptId() + ")";
        ClusterStatus next = c.upgrading(c.with(started).withOperationLock(lock.lock()),
                true, "BlueGreen" + BlueGreenPhase.DeployingGreen.name(), message);
        // the audit fields of the start Event carry the new lock's holder and epoch
        return Decision.of(next, Wake.now("attempt started"), c.over(next).phaseEvent(ClusterEvent.Type.Normal,
                BlueGreenReasons.UPGRADE_STARTED, BlueGreenPhase.DeployingGreen, message));
    }

    /** Only build metadata differs: the same image, no attempt; the condition and one Normal Event say so. */
    private static Decision nothingToRoll(Cutover c, ClusterStatus status, TargetCheck.Verdict verdict) {
        boolean told = Condition.find(status.conditions(), Condition.UPGRADING)
                .map(k -> k.reason().equals(verdict.reason()) && k.message().equals(verdict.message())).orElse(false);
        Decision d = Decision.of(c.upgrading(status, false, verdict.reason(), verdict.message()), Wake.idle());
        return told ? d : d.plus(c.normal(verdict.reason(), verdict.message()));
    }

    /**
     * Why a new {@code spec.image} at the running version changes nothing on a BlueGreen cluster (Blue's pods are
     * never rolled in place, and a cutover starts on a version change), or null when Blue runs the spec's image.
     * See docs/decisions/image-change-is-a-roll.md.
     */
    private static String imageChangeRefused(Cutover c, ClusterSpec spec, String current) {
        String wanted = spec.imageFor(current);
        String running = c.bg() == null || c.bg().blueRevision() == null ? null
                : c.workload(c.blueSet()).map(StatefulSetView::templateImage).orElse(null);
        if (running == null || running.equals(wanted)) {
            return null;
        }
        return "spec.image " + wanted + " names another image for " + current + " than Blue runs (" + running
                + "): a BlueGreen cluster does not roll Blue in place and starts a cutover on a new spec.version, "
                + "whose Green gets spec.image; to roll this image now switch spec.upgrade.strategy to RollingUpdate "
                + "while idle";
    }

    /** Why a target that failed before does not start again. */
    static String latched(BlueGreenTarget target) {
        return "the attempt at " + target.version() + " (revision " + target.revision()
                + ") failed; set spec.upgrade.requests.retry to try it again or change spec.version";
    }

    /** No attempt: the reason goes into the Upgrading condition, and an Event the first time. */
    private static Decision blocked(Cutover c, String reason, String message) {
        Decision d = Decision.of(c.upgrading(c.in().status(), false, reason, message), Wake.idle());
        return c.upgradingReasonIs(reason) ? d : d.plus(c.warning(reason, message));
    }

    /**
     * Deletes revisioned workloads that are neither Blue nor selected by a Service (an aborted
     * Green, a Blue whose deletion a crash interrupted) and waits until their pods are gone, so a
     * new attempt never meets a half-deleted Green of the same name. Null when there are none.
     */
    private static Decision retireLeftovers(Cutover c) {
        for (StatefulSetView set : c.observation().statefulSets().values()) {
            String revision = Revision.fromStatefulSet(c.cluster(), set.name());
            if (revision != null && !revision.equals(c.bg().blueRevision()) && !c.anyTrafficOn(revision)) {
                return Decision.of(c.in().status(), c.poll("leftover deleted"),
                        new Action.DeleteWorkload(set.name(), set.uid()),
                        c.normal(BlueGreenReasons.LEFTOVER_DELETED, "deleted " + set.name()
                                + ", left over from an earlier blue/green attempt"));
            }
        }
        boolean terminating = c.observation().pods().stream().anyMatch(p -> {
            String revision = Revision.fromStatefulSet(c.cluster(), p.statefulSet());
            return revision != null && !revision.equals(c.bg().blueRevision()) && !c.anyTrafficOn(revision);
        });
        return terminating ? Decision.of(c.in().status(), c.poll("leftover pods terminating")) : null;
    }
}
