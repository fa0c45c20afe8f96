package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.Failure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code status.blueGreen}: the blue/green attempt. Everything an attempt needs lives here, so a
 * restarted controller continues where the last one stopped; the target (green*) and the promotion
 * mode are frozen when the attempt starts and never re-read from the spec.
 *
 * @param attemptId random per attempt; part of every executor Job name, so a new attempt never reuses a Job
 * @param phaseStartedAt start of the current phase (the base of {@code minSyncDuration}); null when Idle
 * @param jobFailureCount executor Job failures in the current phase; also the run number in Job names
 * @param snapshotJob the pre-upgrade snapshot Job of this attempt, when the spec asked for one
 * @param rollbackReason why the last attempt unwound (abort or rollback); kept after Idle for people
 * @param rollbackAttempt bumped by an acknowledged break-glass: the rollback Jobs get new names
 * @param failedTarget the revision of a target that failed: no new attempt at it until a retry token
 * @param completedSteps executor actions that succeeded in the current phase (wire names, in order),
 *                       so a finished Job that expired is never run twice
 * @param holdReason non-null while the attempt waits for a person (a {@code retry} or {@code rollback} token)
 * @param blueStatefulSet Blue's StatefulSet when it is not {@code <cluster>-<blueRevision>}: the rolling
 *                        StatefulSet adopted as Blue by a switch to BlueGreen (its pods restarted by
 *                        nothing, labelled with {@code blueRevision}); null otherwise. Cleared when a
 *                        cutover completes (Green, revisioned, becomes Blue).
 */
public record BlueGreenStatus(
        BlueGreenPhase phase,
        String attemptId,
        String blueRevision,
        String greenRevision,
        String blueImage,
        String greenImage,
        String greenVersion,
        int greenReplicas,
        boolean manualPromotionRequired,
        Instant phaseStartedAt,
        int jobFailureCount,
        Failure lastJobFailure,
        String snapshotJob,
        String rollbackReason,
        Instant rollbackStartedAt,
        int rollbackAttempt,
        String failedTarget,
        List<String> completedSteps,
        String holdReason,
        String blueStatefulSet) {

    public BlueGreenStatus {
        phase = phase == null ? BlueGreenPhase.Idle : phase;
        completedSteps = completedSteps == null ? List.of() : List.copyOf(completedSteps);
        if (jobFailureCount < 0 || rollbackAttempt < 0) {
            throw new IllegalArgumentException("negative blue/green counter");
        }
    }

    /** Nothing in flight; {@code blueRevision} serves. */
    public static BlueGreenStatus idle(String blueRevision, String blueImage) {
        return new BlueGreenStatus(BlueGreenPhase.Idle, null, blueRevision, null, blueImage, null, null, 0, false,
                null, 0, null, null, null, null, 0, null, List.of(), null, null);
    }

    /**
     * Nothing in flight; the rolling StatefulSet {@code statefulSet} was adopted as Blue on a switch
     * to BlueGreen and serves {@code blueRevision} under its own name.
     */
    public static BlueGreenStatus adopted(String statefulSet, String blueRevision, String blueImage) {
        return new BlueGreenStatus(BlueGreenPhase.Idle, null, blueRevision, null, blueImage, null, null, 0, false,
                null, 0, null, null, null, null, 0, null, List.of(), null, statefulSet);
    }

    /** The Blue StatefulSet: the adopted one, else {@code <cluster>-<blueRevision>}. */
    public String blueSet(String cluster) {
        return blueStatefulSet != null ? blueStatefulSet : Revision.statefulSet(cluster, blueRevision);
    }

    /** A new attempt at {@code target}, entering DeployingGreen; the latch and the last rollback are cleared. */
    public BlueGreenStatus started(String newAttemptId, BlueGreenTarget target, String snapshot, Instant now) {
        Objects.requireNonNull(newAttemptId, "attemptId");
        return new BlueGreenStatus(BlueGreenPhase.DeployingGreen, newAttemptId, blueRevision, target.revision(),
                blueImage, target.image(), target.version(), target.replicas(), !target.autoPromote(), now, 0, null,
                snapshot, null, null, 0, null, List.of(), null, blueStatefulSet);
    }

    /** The frozen target of the attempt in flight. */
    public BlueGreenTarget target() {
        return new BlueGreenTarget(greenVersion, greenImage, greenReplicas, !manualPromotionRequired);
    }

    public boolean inFlight() {
        return phase != BlueGreenPhase.Idle;
    }

    public boolean stepDone(ExecutorAction action) {
        return completedSteps.contains(action.wireName());
    }

    /** Enters {@code next}: the phase timer restarts, failures, steps and holds are per phase. */
    public BlueGreenStatus advancedTo(BlueGreenPhase next, Instant now) {
        return new BlueGreenStatus(next, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, now, 0, null, snapshotJob, rollbackReason, rollbackStartedAt,
                rollbackAttempt, failedTarget, List.of(), null, blueStatefulSet);
    }

    /** Enters RollingBack for {@code reason}. */
    public BlueGreenStatus rollingBack(String reason, Instant now) {
        BlueGreenStatus next = advancedTo(BlueGreenPhase.RollingBack, now);
        return new BlueGreenStatus(next.phase, attemptId, blueRevision, greenRevision, blueImage, greenImage,
                greenVersion, greenReplicas, manualPromotionRequired, now, 0, null, snapshotJob, reason, now,
                rollbackAttempt, failedTarget, List.of(), null, blueStatefulSet);
    }

    /** A retried rollback after an acknowledged break-glass: new Job names, fresh counters. */
    public BlueGreenStatus rollbackRetried() {
        return new BlueGreenStatus(phase, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, phaseStartedAt, 0, null, snapshotJob, rollbackReason,
                rollbackStartedAt, rollbackAttempt + 1, failedTarget, List.of(), null, blueStatefulSet);
    }

    public BlueGreenStatus withStepDone(ExecutorAction action) {
        List<String> steps = new ArrayList<>(completedSteps);
        if (!steps.contains(action.wireName())) {
            steps.add(action.wireName());
        }
        return new BlueGreenStatus(phase, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, phaseStartedAt, jobFailureCount, lastJobFailure, snapshotJob,
                rollbackReason, rollbackStartedAt, rollbackAttempt, failedTarget, steps, holdReason,
                blueStatefulSet);
    }

    /** Records an executor failure; {@code count} is the new failure count (a new count means a new Job name). */
    public BlueGreenStatus withJobFailure(int count, Failure failure) {
        return new BlueGreenStatus(phase, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, phaseStartedAt, count, failure, snapshotJob, rollbackReason,
                rollbackStartedAt, rollbackAttempt, failedTarget, completedSteps, holdReason,
                blueStatefulSet);
    }

    public BlueGreenStatus withHold(String reason) {
        return new BlueGreenStatus(phase, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, phaseStartedAt, jobFailureCount, lastJobFailure, snapshotJob,
                rollbackReason, rollbackStartedAt, rollbackAttempt, failedTarget, completedSteps, reason,
                blueStatefulSet);
    }

    /** Restarts the phase timer without leaving the phase (DeployingGreen times Green's readiness from its creation). */
    public BlueGreenStatus withPhaseStartedAt(Instant at) {
        return new BlueGreenStatus(phase, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, at, jobFailureCount, lastJobFailure, snapshotJob,
                rollbackReason, rollbackStartedAt, rollbackAttempt, failedTarget, completedSteps, holdReason,
                blueStatefulSet);
    }

    public BlueGreenStatus withSnapshotJob(String job) {
        return new BlueGreenStatus(phase, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, phaseStartedAt, jobFailureCount, lastJobFailure, job,
                rollbackReason, rollbackStartedAt, rollbackAttempt, failedTarget, completedSteps, holdReason,
                blueStatefulSet);
    }

    public BlueGreenStatus withFailedTarget(String revision) {
        return new BlueGreenStatus(phase, attemptId, blueRevision, greenRevision, blueImage, greenImage, greenVersion,
                greenReplicas, manualPromotionRequired, phaseStartedAt, jobFailureCount, lastJobFailure, snapshotJob,
                rollbackReason, rollbackStartedAt, rollbackAttempt, revision, completedSteps, holdReason,
                blueStatefulSet);
    }

    /** The attempt completed: Green becomes Blue, everything transient is cleared. */
    public BlueGreenStatus completed() {
        return idle(greenRevision, greenImage);
    }

    /**
     * The attempt unwound (abort or finished rollback): Blue keeps serving; {@code latch} records the
     * target as failed; {@code reason} stays visible.
     */
    public BlueGreenStatus unwound(String reason, boolean latch) {
        return new BlueGreenStatus(BlueGreenPhase.Idle, null, blueRevision, null, blueImage, null, null, 0, false,
                null, 0, null, null, reason, rollbackStartedAt, rollbackAttempt,
                latch ? greenRevision : failedTarget, List.of(), null, blueStatefulSet);
    }
}
