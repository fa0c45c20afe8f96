package dev.raftops.domain.bluegreen;

import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.HandledRequests;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.UpgradeRequests;
import java.util.Optional;

/**
 * The one-shot tokens a person uses on a blue/green attempt ({@code rollback}, {@code retry},
 * {@code promote}). Every pending token is recorded as handled, also when it is ignored, so it can
 * never fire later. The one exception: a {@code promote} token waits, unrecorded, while the attempt
 * has not yet reached its promotion hold, so "promote when ready" works.
 */
final class Interventions {

    private Interventions() {
    }

    static Optional<Decision> handle(Cutover c) {
        UpgradeRequests requests = c.in().spec().upgrade().requests();
        HandledRequests handled = c.in().status().requests();
        BlueGreenStatus bg = c.bg();
        BlueGreenPhase phase = bg.phase();
        if (new OneShotRequest(requests.rollback(), handled.lastHandledRollback()).pending()) {
            Cutover acked = c.over(c.in().status().withRequests(handled.withRollback(requests.rollback())));
            if (phase.beforePromotion() || phase.afterPromotion() || phase == BlueGreenPhase.Cleanup) {
                return Optional.of(Unwind.unwind(acked, BlueGreenReasons.MANUAL_ROLLBACK,
                        "spec.upgrade.requests.rollback " + requests.rollback(), true));
            }
            return Optional.of(ignored(acked, BlueGreenReasons.ROLLBACK_IGNORED, "rollback token "
                    + requests.rollback() + " ignored: " + (phase.rollingBack() ? "already rolling back" : "nothing in flight")));
        }
        if (new OneShotRequest(requests.retry(), handled.lastHandledRetry()).pending()) {
            Cutover acked = c.over(c.in().status().withRequests(handled.withRetry(requests.retry())));
            if (phase == BlueGreenPhase.Idle && bg.failedTarget() != null) {
                return Optional.of(acked.proceed(bg.withFailedTarget(null), "retry accepted",
                        acked.normal(BlueGreenReasons.RETRY_ACCEPTED, "retry token " + requests.retry()
                                + " clears the failed target " + bg.failedTarget())));
            }
            if (phase != BlueGreenPhase.Idle && bg.holdReason() != null) {
                BlueGreenStatus resumed = bg.withHold(null).withJobFailure(bg.jobFailureCount() + 1, bg.lastJobFailure());
                return Optional.of(acked.proceed(resumed, "retry accepted",
                        acked.normal(BlueGreenReasons.RETRY_ACCEPTED, "retry token " + requests.retry()
                                + " runs the failed step of " + phase + " again as a new Job")));
            }
            return Optional.of(ignored(acked, BlueGreenReasons.RETRY_IGNORED,
                    "retry token " + requests.retry() + " ignored: nothing failed"));
        }
        if (new OneShotRequest(requests.promote(), handled.lastHandledPromote()).pending()) {
            if (bg.manualPromotionRequired() && phase.beforePromotion()) {
                return Optional.empty(); // used when Syncing reaches its promotion hold
            }
            Cutover acked = c.over(c.in().status().withRequests(handled.withPromote(requests.promote())));
            return Optional.of(ignored(acked, BlueGreenReasons.PROMOTE_IGNORED, "promote token " + requests.promote()
                    + " ignored: " + (bg.manualPromotionRequired() || phase == BlueGreenPhase.Idle
                            ? "no promotion is waiting in " + phase : "this attempt promotes automatically")));
        }
        return Optional.empty();
    }

    private static Decision ignored(Cutover acked, String reason, String message) {
        ClusterStatus status = acked.in().status();
        return Decision.of(status, Wake.now("token handled"), acked.normal(reason, message));
    }
}
