package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.Failure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code status.upgrade}: the progress of one rolling upgrade. Present exactly while a rolling
 * upgrade exists, running or failed.
 *
 * @param currentPartition how many ordinals are still to roll; in the partition order ({@code RollingUpdate})
 *     these are the ordinals below it and the next target is {@code currentPartition - 1}; in the deleting
 *     order ({@code OnDelete}) the next target is the first step of the plan
 * @param completedOrdinals ordinals recorded as updated, Ready and caught up, in the order they finished
 * @param releasedAt when the current target ordinal was released (its podReady budget starts here); null before release
 * @param stepDown the step-down in flight for the current target, or null
 * @param plan the remaining ordinals in order, each marked when a step-down is expected first
 * @param failure the first failure; null while running
 * @param attempt 1 for a new upgrade, +1 for every retry or retarget; part of every Job name
 * @param snapshot the pre-upgrade snapshot, when the spec asks for one
 * @param restartAt the {@code spec.maintenance.restartAt} request this roll answers (the pod template
 *     carries it as {@code raftops.dev/restartedAt}); null when the roll answers none
 * @param fromImage the template image when the roll started (kept across retargets and folded restarts);
 *     null in a status written before it was recorded
 */
public record RollingProgress(
        String fromVersion,
        String targetVersion,
        String targetImage,
        Instant startedAt,
        int currentPartition,
        List<Integer> completedOrdinals,
        Instant releasedAt,
        StepDown stepDown,
        List<PlanStep> plan,
        Failure failure,
        int attempt,
        Snapshot snapshot,
        String restartAt,
        String fromImage) {

    public RollingProgress {
        Objects.requireNonNull(targetVersion, "targetVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        if (currentPartition < 0) {
            throw new IllegalArgumentException("negative partition " + currentPartition);
        }
        completedOrdinals = completedOrdinals == null ? List.of() : List.copyOf(completedOrdinals);
        plan = plan == null ? List.of() : List.copyOf(plan);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
    }

    /**
     * A new upgrade (a retarget is one too, with the next attempt): nothing done yet, the partition
     * at {@code replicas}, the snapshot still to take when the spec asks for one.
     */
    public static RollingProgress started(String fromVersion, String targetVersion, String targetImage, Instant now,
            int replicas, List<PlanStep> plan, int attempt, boolean snapshot) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, now, replicas, List.of(), null, null, plan,
                null, attempt, snapshot ? new Snapshot(null, 0, null) : null, null, null);
    }

    /** A roll without a restart request, as every recorded upgrade before restarts existed. */
    public RollingProgress(String fromVersion, String targetVersion, String targetImage, Instant startedAt,
            int currentPartition, List<Integer> completedOrdinals, Instant releasedAt, StepDown stepDown,
            List<PlanStep> plan, Failure failure, int attempt, Snapshot snapshot) {
        this(fromVersion, targetVersion, targetImage, startedAt, currentPartition, completedOrdinals, releasedAt,
                stepDown, plan, failure, attempt, snapshot, null, null);
    }

    /** A roll whose starting image was not recorded, as every recorded upgrade before images were. */
    public RollingProgress(String fromVersion, String targetVersion, String targetImage, Instant startedAt,
            int currentPartition, List<Integer> completedOrdinals, Instant releasedAt, StepDown stepDown,
            List<PlanStep> plan, Failure failure, int attempt, Snapshot snapshot, String restartAt) {
        this(fromVersion, targetVersion, targetImage, startedAt, currentPartition, completedOrdinals, releasedAt,
                stepDown, plan, failure, attempt, snapshot, restartAt, null);
    }

    /** The same roll, also answering restart request {@code value}. */
    public RollingProgress withRestartAt(String value) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, currentPartition,
                completedOrdinals, releasedAt, stepDown, plan, failure, attempt, snapshot, value, fromImage);
    }

    /** The same roll, started from template image {@code value}. */
    public RollingProgress withFromImage(String value) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, currentPartition,
                completedOrdinals, releasedAt, stepDown, plan, failure, attempt, snapshot, restartAt, value);
    }

    /** Whether the roll only restarts the pods: the version stays. */
    public boolean restartOnly() {
        return restartAt != null && Objects.equals(fromVersion, targetVersion);
    }

    /** Whether the roll changes the image alone: the version stays and no restart was asked for. */
    public boolean imageChangeOnly() {
        return restartAt == null && Objects.equals(fromVersion, targetVersion);
    }

    public boolean failed() {
        return failure != null;
    }

    /** The ordinal this upgrade works on next, or -1 when every ordinal is done. */
    public int targetOrdinal() {
        return currentPartition - 1;
    }

    public RollingProgress withFailure(Failure value) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, currentPartition,
                completedOrdinals, releasedAt, stepDown, plan, value, attempt, snapshot, restartAt, fromImage);
    }

    public RollingProgress withReleasedAt(Instant value) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, currentPartition,
                completedOrdinals, value, stepDown, plan, failure, attempt, snapshot, restartAt, fromImage);
    }

    public RollingProgress withStepDown(StepDown value) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, currentPartition,
                completedOrdinals, releasedAt, value, plan, failure, attempt, snapshot, restartAt, fromImage);
    }

    public RollingProgress withSnapshot(Snapshot value) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, currentPartition,
                completedOrdinals, releasedAt, stepDown, plan, failure, attempt, value, restartAt, fromImage);
    }

    public RollingProgress withPlan(List<PlanStep> value) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, currentPartition,
                completedOrdinals, releasedAt, stepDown, value, failure, attempt, snapshot, restartAt, fromImage);
    }

    /**
     * Records {@code ordinal} as done: one ordinal fewer to roll (in the partition order the
     * partition moves to it) and the per-pod state resets.
     */
    public RollingProgress completed(int ordinal, List<PlanStep> remainingPlan) {
        List<Integer> done = new ArrayList<>(completedOrdinals);
        int remaining = currentPartition;
        if (!done.contains(ordinal)) {
            done.add(ordinal);
            remaining = Math.max(0, currentPartition - 1);
        }
        return new RollingProgress(fromVersion, targetVersion, targetImage, startedAt, remaining, done, null, null,
                remainingPlan, failure, attempt, snapshot, restartAt, fromImage);
    }

    /** A retry: failure cleared, time budgets restarted, a new attempt identity. */
    public RollingProgress retried(Instant now) {
        return new RollingProgress(fromVersion, targetVersion, targetImage, now, currentPartition, completedOrdinals,
                releasedAt == null ? null : now, null, plan, null, attempt + 1,
                snapshot == null ? null : snapshot.retried(), restartAt, fromImage);
    }

    /**
     * A step-down requested for {@code ordinal} by Job {@code job}; {@code sequence} counts the
     * step-downs for this ordinal in this attempt (leadership can come back), and names the Job.
     */
    public record StepDown(int ordinal, int sequence, String job, Instant startedAt, Instant confirmedAt) {

        public StepDown {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        public StepDown confirmed(Instant at) {
            return new StepDown(ordinal, sequence, job, startedAt, at);
        }
    }

    /** One remaining step of the plan: the ordinal, and whether leadership must move away first. */
    public record PlanStep(int ordinal, boolean stepDown) {
    }

    /**
     * The pre-upgrade snapshot Job: its current name, how many Jobs failed, and when one succeeded.
     */
    public record Snapshot(String job, int failedAttempts, Instant completedAt) {

        public Snapshot {
            if (failedAttempts < 0) {
                throw new IllegalArgumentException("negative snapshot attempts");
            }
        }

        public boolean done() {
            return completedAt != null;
        }

        Snapshot retried() {
            return done() ? this : new Snapshot(null, 0, null);
        }
    }
}
