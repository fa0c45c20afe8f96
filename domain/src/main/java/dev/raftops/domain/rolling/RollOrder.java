package dev.raftops.domain.rolling;

import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the pods of the StatefulSet roll, read from its update strategy: data for {@link
 * PartitionRoll}, which keeps every gate (quorum, one leader, step-down, one release at a time,
 * time budgets) for both. {@code status.upgrade.currentPartition} counts the ordinals still to roll
 * in both orders (in the partition order they are exactly the ordinals below it).
 *
 * <p>{@link #PARTITION} ({@code RollingUpdate}): the partition releases the highest remaining
 * ordinal and the StatefulSet restarts it. {@link #FOLLOWERS_FIRST} ({@code OnDelete}, as the
 * OpenBao Helm chart renders it): nothing rolls by itself, so raftops deletes the pods, followers
 * first (highest ordinal first) and the leader last, after its step-down: one election per
 * upgrade when no fault intervenes (docs/decisions/adopted-statefulsets.md).
 */
enum RollOrder {
    PARTITION,
    FOLLOWERS_FIRST;

    static RollOrder of(StatefulSetView sts) {
        return sts != null && sts.onDelete() ? FOLLOWERS_FIRST : PARTITION;
    }

    /** The ordinal the upgrade works on next, or -1 when every ordinal is done. */
    int target(RollingProgress progress) {
        if (this == PARTITION || progress.currentPartition() == 0) {
            return progress.targetOrdinal();
        }
        return progress.plan().isEmpty() ? -1 : progress.plan().get(0).ordinal();
    }

    /** The remaining steps of {@code progress} in this order, for its ordinals still to roll. */
    List<PlanStep> plan(RollingProgress progress, int replicas, Map<Integer, PodView> pods) {
        return this == PARTITION ? RollingPlan.remaining(progress.currentPartition(), replicas, pods)
                : RollingPlan.followersFirst(progress.completedOrdinals(), replicas, pods);
    }

    /** The plan written with a release: the target stays first (in this order it names the target). */
    List<PlanStep> planAtRelease(RollingProgress progress, int replicas, Map<Integer, PodView> pods) {
        return this == PARTITION ? plan(progress, replicas, pods) : progress.plan();
    }

    /** The first write of a roll: the image, with the partition locked at {@code replicas} where one exists. */
    Action start(StatefulSetView sts, int replicas, String image, String restartedAt) {
        // under OnDelete every pod is deleted by the roll itself: a restart folded into a version change needs
        // no template annotation (and a restart alone is refused: RollingRestart.refused)
        return this == PARTITION
                ? new Action.LockPartitionAndSetImage(sts.name(), replicas, image, sts.resourceVersion(), restartedAt)
                : new Action.SetImage(sts.name(), image, sts.resourceVersion());
    }

    /**
     * Whether {@code target} has been released: the partition is at or below it; or, in the
     * deleting order, its release is recorded, or its pod is gone, terminating or already recreated
     * on the update revision (deleted before a crash, never recorded: it is never deleted again).
     */
    boolean released(RollingProgress progress, StatefulSetView sts, int target, PodView pod) {
        if (this == PARTITION) {
            return sts.effectivePartition() <= target;
        }
        return progress.releasedAt() != null || pod == null || pod.terminating()
                || templateObserved(sts) && Objects.equals(pod.revision(), sts.updateRevision());
    }

    /**
     * The one disruptive write of a release: the partition lowered to {@code target}, or the pod
     * deleted with its UID and resourceVersion as preconditions.
     */
    Action release(StatefulSetView sts, int target, PodView pod) {
        return this == PARTITION ? new Action.SetPartition(sts.name(), target, sts.resourceVersion())
                : new Action.DeletePod(pod.name(), pod.uid(), pod.resourceVersion());
    }

    /**
     * Every replica updated and Ready. Under {@code OnDelete} the StatefulSet controller does not
     * move {@code status.currentRevision} to the update revision (kubernetes/kubernetes#73492), so it
     * is not read there.
     */
    boolean converged(StatefulSetView sts) {
        if (this == PARTITION) {
            return sts.converged() && sts.effectivePartition() == 0;
        }
        return templateObserved(sts) && sts.updatedReplicas() == sts.replicas() && sts.readyReplicas() == sts.replicas();
    }

    /** The StatefulSet has observed its template: until then {@code updateRevision} names the old one. */
    static boolean templateObserved(StatefulSetView sts) {
        return sts.observedGeneration() >= sts.generation();
    }
}
