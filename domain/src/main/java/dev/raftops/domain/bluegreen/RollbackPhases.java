package dev.raftops.domain.bluegreen;

import dev.raftops.domain.bluegreen.ExecutorStep.OnFailure;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ExecutorAction;
import java.util.Optional;

/**
 * The way back after promotion: Raft membership repaired (Blue voters, Green non-voters), a Blue
 * leader confirmed and traffic on Blue, then Green's peers removed and Green deleted. A failed Job
 * here enters break-glass (see {@link ExecutorStep.OnFailure#ROLLBACK}).
 */
final class RollbackPhases {

    private RollbackPhases() {
    }

    static Decision rollingBack(Cutover c) {
        Optional<Decision> repaired = ExecutorStep.run(c, ExecutorAction.REPAIR_CONSENSUS, OnFailure.ROLLBACK);
        if (repaired.isPresent()) {
            return repaired.get();
        }
        if (!blueLeads(c)) {
            return Decision.of(c.in().status(), c.poll("waiting for a blue leader"));
        }
        String blue = c.bg().blueRevision();
        if (c.trafficOn(blue)) {
            return c.advance(BlueGreenPhase.RollbackCleanup, "Blue voters again and Blue leads");
        }
        return c.advance(BlueGreenPhase.RollbackCleanup, "Blue leads again; client Services switched back to Blue",
                new Action.SwitchTraffic(blue),
                c.normal(BlueGreenReasons.TRAFFIC_SWITCHED, "client Services now select revision " + blue));
    }

    static Decision rollbackCleanup(Cutover c) {
        BlueGreenStatus bg = c.bg();
        if (!blueLeads(c)) {
            return Decision.of(c.in().status(), c.poll("waiting for a blue leader"));
        }
        if (!c.trafficOn(bg.blueRevision())) {
            return Decision.of(c.in().status(), Wake.now("traffic"), new Action.SwitchTraffic(bg.blueRevision()));
        }
        Optional<Decision> removed = ExecutorStep.run(c, ExecutorAction.REMOVE_GREEN_PEERS, OnFailure.ROLLBACK);
        if (removed.isPresent()) {
            return removed.get();
        }
        var green = c.workload(c.greenSet());
        if (green.isPresent()) {
            return Decision.of(c.in().status(), c.onEvent("green deleted"),
                    new Action.DeleteWorkload(green.get().name(), green.get().uid()));
        }
        if (!c.pods(c.greenSet()).isEmpty()) {
            return c.waitFor("green pods terminating");
        }
        // A rollback because the spec moved on is not a verdict on the target; every other one is.
        boolean latch = !BlueGreenReasons.TARGET_CHANGED.equals(bg.rollbackReason());
        String message = "rolled back to Blue " + bg.blueRevision() + " (" + bg.rollbackReason() + ")"
                + (latch ? "; target " + bg.greenVersion() + " latched until a retry token or a new version" : "");
        return Decision.of(Unwind.finished(c, bg.unwound(bg.rollbackReason(), latch),
                        BlueGreenReasons.ROLLBACK_COMPLETED, message), Wake.idle(),
                c.phaseEvent(ClusterEvent.Type.Warning, BlueGreenReasons.ROLLBACK_COMPLETED, BlueGreenPhase.Idle,
                        message));
    }

    private static boolean blueLeads(Cutover c) {
        return c.leaderSet().filter(c.blueSet()::equals).isPresent();
    }
}
