package dev.raftops.domain.bluegreen;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.BreakGlass.Acknowledgement;
import dev.raftops.domain.resource.BreakGlass;
import dev.raftops.domain.resource.BreakGlassReason;
import dev.raftops.domain.resource.ClusterStatus;

/**
 * Break-glass for blue/green: entered only when a rollback Job fails (neither colour is known to hold
 * a healthy quorum), left only by the exact nonce, which retries the rollback once under new Job names.
 */
final class BreakGlassEntry {

    private BreakGlassEntry() {
    }

    /** Enters break-glass from a failed rollback step; the phase stays so the retry knows where to resume. */
    static Decision enter(Cutover c, BlueGreenStatus failed, String detail) {
        BreakGlass glass = c.in().status().breakGlass()
                .enter(c.in().cluster(), BreakGlassReason.RollbackFailed, detail, c.in().random(), c.now());
        ClusterStatus status = c.with(failed).withBreakGlass(glass)
                .withCondition(Condition.BREAK_GLASS, Condition.Status.True, BlueGreenReasons.BREAK_GLASS_REQUIRED,
                        detail + "; see status.breakGlass.steps", c.in().generation(), c.now())
                .withCondition(Condition.DEGRADED, Condition.Status.True, BlueGreenReasons.BREAK_GLASS_REQUIRED,
                        "rollback failed; manual intervention required", c.in().generation(), c.now());
        return Decision.of(status, c.onEvent("break-glass"),
                c.warning(BlueGreenReasons.BREAK_GLASS_ENTERED, detail + "; follow status.breakGlass.steps and set "
                        + "spec.breakGlassAck to status.breakGlass.nonce"));
    }

    /**
     * While break-glass is active: the exact nonce leaves it and retries the rollback step with a new
     * identity; anything else keeps everything still (a wrong ack adds an Event).
     */
    static Decision whileActive(Cutover c) {
        BreakGlass glass = c.in().status().breakGlass();
        Acknowledgement ack = glass.acknowledge(c.in().spec().breakGlassAck(), c.now());
        if (ack instanceof Acknowledgement.Accepted accepted) {
            BlueGreenStatus retried = c.bg().phase().rollingBack() ? c.bg().rollbackRetried() : c.bg();
            ClusterStatus status = c.with(retried).withBreakGlass(accepted.breakGlass())
                    .withCondition(Condition.BREAK_GLASS, Condition.Status.False, BlueGreenReasons.BREAK_GLASS_ACKNOWLEDGED,
                            "acknowledged; retrying the rollback once", c.in().generation(), c.now())
                    .withCondition(Condition.DEGRADED, Condition.Status.False, BlueGreenReasons.BREAK_GLASS_ACKNOWLEDGED,
                            "break-glass acknowledged", c.in().generation(), c.now());
            return Decision.of(status, c.poll("break-glass acknowledged"),
                    c.normal(BlueGreenReasons.BREAK_GLASS_ACKNOWLEDGED, "nonce accepted; retrying "
                            + c.bg().phase() + " as rollback attempt " + retried.rollbackAttempt()));
        }
        if (ack instanceof Acknowledgement.Wrong) {
            return Decision.of(c.in().status(), c.onEvent("break-glass"),
                    c.warning(BlueGreenReasons.BREAK_GLASS_ACK_REJECTED,
                            "spec.breakGlassAck does not match status.breakGlass.nonce; nothing changes"));
        }
        return c.waitFor("break-glass");
    }
}
