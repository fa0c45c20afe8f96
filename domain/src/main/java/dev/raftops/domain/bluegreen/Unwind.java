package dev.raftops.domain.bluegreen;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Giving up an attempt. Before promotion Green never voted, so it is simply deleted (abort, back to
 * Idle). After promotion Green may hold votes, so the Raft configuration is repaired first
 * (RollingBack). From Cleanup on nothing is given up: Blue's peers are already being removed.
 */
final class Unwind {

    private Unwind() {
    }

    /**
     * Unwinds the attempt of {@code c} for {@code reason}.
     *
     * @param latch whether the target is recorded as failed (not when the target itself changed)
     */
    static Decision unwind(Cutover c, String reason, String message, boolean latch) {
        BlueGreenPhase phase = c.bg().phase();
        if (phase.beforePromotion()) {
            return abort(c, reason, message, latch);
        }
        if (phase.afterPromotion()) {
            BlueGreenStatus next = c.bg().rollingBack(reason, c.now());
            ClusterStatus status = c.upgrading(c.with(next), true, reason, "rolling back: " + message);
            return Decision.of(status, Wake.now("rolling back"),
                    c.phaseEvent(ClusterEvent.Type.Warning, BlueGreenReasons.ROLLBACK_STARTED,
                            BlueGreenPhase.RollingBack, reason + ": " + message));
        }
        if (phase == BlueGreenPhase.Cleanup) {
            return Decision.of(c.with(c.bg()), c.onEvent("rollback refused"),
                    c.warning(BlueGreenReasons.ROLLBACK_REFUSED, "not rolling back (" + reason + ": " + message
                            + "): Cleanup is past the point of no return; Green already serves"));
        }
        return Decision.of(c.with(c.bg()), c.onEvent("nothing to unwind"));
    }

    /** Deletes Green (unless a Service still selects it), returns to Idle and releases the lock. */
    static Decision abort(Cutover c, String reason, String message, boolean latch) {
        List<Action> actions = new ArrayList<>();
        String green = c.bg().greenRevision();
        if (green != null && !c.anyTrafficOn(green)) {
            c.workload(c.greenSet()).ifPresent(w -> actions.add(new Action.DeleteWorkload(w.name(), w.uid())));
        }
        actions.add(c.phaseEvent(ClusterEvent.Type.Warning, BlueGreenReasons.UPGRADE_ABORTED, BlueGreenPhase.Idle,
                reason + ": " + message + (latch ? "; target latched until a retry token or a new version" : "")));
        return new Decision(actions, finished(c, c.bg().unwound(reason, latch), reason, message), Wake.now("aborted"));
    }

    /** The cluster status of an attempt that ended (any way): Idle, lock released, Upgrading false. */
    static ClusterStatus finished(Cutover c, BlueGreenStatus idle, String reason, String message) {
        ClusterStatus status = c.with(idle)
                .withOperationLock(c.lock().release(Operation.BlueGreen, Holders.BLUE_GREEN).lock());
        return c.upgrading(status, false, reason, message);
    }
}
