package dev.raftops.domain.bluegreen;

import dev.raftops.domain.cluster.Failure;
import java.time.Instant;

/**
 * {@code status.blueGreen}: the blue/green attempt, frozen at its start. Field meanings are in
 * {@code docs/reference/status.md}.
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
        String failedTarget) {

    public static BlueGreenStatus idle(String blueRevision) {
        return new BlueGreenStatus(BlueGreenPhase.Idle, null, blueRevision, null, null, null, null, 0, false, null, 0,
                null, null, null, null, 0, null);
    }
}
