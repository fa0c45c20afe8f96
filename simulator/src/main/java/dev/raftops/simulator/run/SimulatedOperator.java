package dev.raftops.simulator.run;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.simulator.world.SimWorld;
import java.util.Objects;

/**
 * The person at the keyboard of a simulated run: sets a {@code promote} token when a blue/green
 * attempt waits for one, and, when the scenario asks for it, a {@code retry} token when an upgrade
 * has failed, a few times at most. Every token is a spec edit, which the controller hears of at once.
 */
final class SimulatedOperator {

    private static final int MAX_RETRIES = 3;

    private final boolean autoRetry;
    /** Tokens set so far (promotes and retries count alike). */
    private int edits;

    SimulatedOperator(boolean autoRetry) {
        this.autoRetry = autoRetry;
    }

    /** Looks at the world once; true when it set a token. */
    boolean act(SimWorld world) {
        ClusterStatus status = world.status();
        String promote = world.spec().upgrade().requests().promote();
        if (awaitsPromotion(status) && (promote == null || promote.equals(status.requests().lastHandledPromote()))) {
            // one new token per held attempt (a retargeted run holds a second attempt)
            world.api().requestPromote("promote-" + (edits + 1));
            edits++;
            return true;
        }
        boolean failed = status.upgrade() != null && status.upgrade().failed();
        boolean lastHandled = Objects.equals(world.spec().upgrade().requests().retry(),
                status.requests().lastHandledRetry());
        if (autoRetry && failed && lastHandled && edits < MAX_RETRIES) {
            world.api().requestRetry("retry-" + (edits + 1));
            edits++;
            return true;
        }
        return false;
    }

    private static boolean awaitsPromotion(ClusterStatus status) {
        return status.blueGreen() != null && status.blueGreen().phase() == BlueGreenPhase.Syncing
                && Condition.find(status.conditions(), Condition.UPGRADING)
                        .map(c -> BlueGreenReasons.AWAITING_PROMOTION.equals(c.reason())).orElse(false);
    }
}
