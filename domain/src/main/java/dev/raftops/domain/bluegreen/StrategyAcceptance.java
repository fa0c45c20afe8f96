package dev.raftops.domain.bluegreen;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.util.List;

/**
 * {@code status.acceptedUpgradeStrategy}: the strategy in force. A different {@code spec.upgrade.strategy}
 * is accepted only while the cluster is fully idle (no lock, no rolling progress, no blue/green
 * attempt, no break-glass); otherwise it is deferred with a reason and the strategy in force finishes.
 * Accepting BlueGreen makes the StatefulSet the rolling upgrade worked on Blue ({@link BlueAdoption});
 * accepting RollingUpdate keeps Blue as the StatefulSet to roll (docs/decisions/strategy-switch.md).
 */
record StrategyAcceptance(UpgradeStrategy accepted, ClusterStatus status, List<Action> events) {

    static StrategyAcceptance of(DecisionInput in) {
        ClusterStatus status = in.status();
        UpgradeStrategy requested = in.spec().upgrade().strategy();
        UpgradeStrategy recorded = parse(status.acceptedUpgradeStrategy());
        if (recorded == null) {
            recorded = inferred(status, requested);
            status = status.withAcceptedUpgradeStrategy(recorded.wireName());
        }
        if (recorded == requested) {
            return new StrategyAcceptance(recorded, status, List.of());
        }
        AuditFields audit = AuditFields.of(in.cluster().toString(), status.operationLock(), null);
        String busy = busyWith(status);
        if (busy == null && requested == UpgradeStrategy.BLUE_GREEN) {
            busy = BlueAdoption.waitsFor(in.withStatus(status));
        }
        if (busy == null) {
            ClusterStatus accepted = status.withAcceptedUpgradeStrategy(requested.wireName());
            String message = "upgrade strategy is now " + requested.wireName();
            if (requested == UpgradeStrategy.BLUE_GREEN) {
                BlueGreenStatus blue = BlueAdoption.blue(in.withStatus(status));
                accepted = accepted.withBlueGreen(blue);
                message += "; StatefulSet " + blue.blueSet(in.cluster().name()) + " serves as Blue (revision "
                        + blue.blueRevision() + "), no pod restarted";
            } else if (status.blueGreen() != null && status.blueGreen().blueRevision() != null) {
                message += "; Blue, StatefulSet " + status.blueGreen().blueSet(in.cluster().name())
                        + ", is the StatefulSet the next upgrade rolls, no pod restarted";
            }
            return new StrategyAcceptance(requested, accepted, List.of(new Action.Emit(ClusterEvent.normal(
                    BlueGreenReasons.STRATEGY_ACCEPTED, message, audit))));
        }
        return new StrategyAcceptance(recorded, status, List.of(new Action.Emit(ClusterEvent.warning(
                BlueGreenReasons.STRATEGY_DEFERRED, "spec.upgrade.strategy " + requested.wireName()
                        + " waits until the cluster is idle: " + busy + "; " + recorded.wireName()
                        + " stays in force", audit))));
    }

    /** What keeps the cluster from being fully idle, or null when it is. */
    static String busyWith(ClusterStatus status) {
        if (status.operationLock().isHeld()) {
            return "the operation lock is held by " + status.operationLock().holder();
        }
        if (status.upgrade() != null) {
            return "a rolling upgrade exists";
        }
        if (status.blueGreen() != null && status.blueGreen().inFlight()) {
            return "a blue/green attempt is in " + status.blueGreen().phase();
        }
        if (status.breakGlass().active()) {
            return "break-glass is active";
        }
        return null;
    }

    /** For a status written before the field existed: what the status says is running, else the request. */
    private static UpgradeStrategy inferred(ClusterStatus status, UpgradeStrategy requested) {
        if (status.blueGreen() != null && status.blueGreen().inFlight()) {
            return UpgradeStrategy.BLUE_GREEN;
        }
        if (status.upgrade() != null) {
            return UpgradeStrategy.ROLLING_UPDATE;
        }
        return requested;
    }

    private static UpgradeStrategy parse(String wire) {
        if (wire == null || wire.isEmpty()) {
            return null;
        }
        try {
            return UpgradeStrategy.fromWire(wire);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
