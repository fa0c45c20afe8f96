package dev.raftops.domain.rolling;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import dev.raftops.domain.resource.RollingProgress;
import java.util.List;
import java.util.Map;

/**
 * A dry run of a rolling upgrade that is already under way, read from {@code status.upgrade}: the
 * ordinals done, the step the upgrade is at and what it waits for, and the ordinals after it. It
 * reads the same progress the decision resumes from and names its waits in the decision's words;
 * what it cannot know offline (readiness and lag of the other voters) it does not guess.
 *
 * @param done ordinals recorded as updated, Ready and caught up, in the order they finished
 * @param current the target ordinal ({@code -1} once every ordinal is done)
 * @param next the ordinals after the current one, highest first, each marked when a step-down is expected
 * @param reason why the pods roll: a version change, a restart request or an image change
 */
public record ProgressPreview(String fromVersion, String targetVersion, int attempt, List<Integer> done, int current,
        Stage stage, String waitsFor, List<PlanStep> next, RollReason reason) {

    /** Where the upgrade stands with its current ordinal. */
    public enum Stage {
        /** The first failure stopped it; a retry token resumes at the same ordinal. */
        FAILED,
        /** The pre-upgrade snapshot Job has not succeeded yet; no pod has been touched. */
        SNAPSHOT,
        /** A step-down Job asked the current ordinal to give up leadership; the release follows. */
        STEPPING_DOWN,
        /** The current ordinal may lead: a step-down Job comes first, then the release. */
        STEP_DOWN_NEXT,
        /** The current ordinal is a follower: it is released next (every other voter Ready and caught up). */
        RELEASE_NEXT,
        /** The current ordinal is released and rolling. */
        RELEASED,
        /** Every ordinal is done; the StatefulSet has to converge before the version moves. */
        FINISHING
    }

    public ProgressPreview {
        done = List.copyOf(done);
        next = List.copyOf(next);
    }

    /**
     * @param pods the pods by ordinal as last seen (their leadership marks the step-downs); empty when
     *             unknown, and then every step of a cluster of more than one voter may need a step-down
     */
    public static ProgressPreview of(RollingProgress progress, int replicas, Map<Integer, PodView> pods) {
        int target = progress.targetOrdinal();
        List<PlanStep> next = target < 0 ? List.of() : RollingPlan.remaining(target, replicas, pods);
        Stage stage;
        String waits;
        if (progress.failed()) {
            stage = Stage.FAILED;
            waits = progress.failure().reason() + ": " + progress.failure().message() + "; "
                    + RollingUpgrade.FAILED_WAIT;
        } else if (progress.snapshot() != null && !progress.snapshot().done()) {
            stage = Stage.SNAPSHOT;
            waits = "the pre-upgrade snapshot Job" + (progress.snapshot().job() == null ? ""
                    : " " + progress.snapshot().job()) + " to succeed";
        } else if (target < 0) {
            stage = Stage.FINISHING;
            waits = PartitionRoll.CONVERGENCE_WAIT;
        } else if (progress.releasedAt() != null) {
            stage = Stage.RELEASED;
            waits = PartitionRoll.podReadyWait(target, progress.targetVersion());
        } else if (stepDownInFlight(progress, target)) {
            stage = Stage.STEPPING_DOWN;
            waits = LeaderStepDown.waiting(target) + " (job " + progress.stepDown().job() + ")";
        } else if (replicas > 1 && mayLead(pods.get(target))) {
            stage = Stage.STEP_DOWN_NEXT;
            waits = "every other voter Ready and caught up, then a step-down Job";
        } else {
            stage = Stage.RELEASE_NEXT;
            waits = "every other voter Ready and caught up" + (replicas > 1 ? " and a known Raft leader" : "");
        }
        return new ProgressPreview(progress.fromVersion(), progress.targetVersion(), progress.attempt(),
                progress.completedOrdinals(), target, stage, waits, next, RollReason.of(progress));
    }

    private static boolean stepDownInFlight(RollingProgress progress, int target) {
        var sd = progress.stepDown();
        return sd != null && sd.ordinal() == target && sd.confirmedAt() == null;
    }

    private static boolean mayLead(PodView pod) {
        return pod == null || pod.leadership() != Leadership.FOLLOWER;
    }
}
