package dev.raftops.domain.gates;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code spec.paused}: no writes at all but status conditions. In-flight progress (partition,
 * completed ordinals, blue/green phase, lock) stays exactly as it is and resumes on unpause. This
 * gate, run first by {@link dev.raftops.domain.pass.DayTwoPass}, is the one place that handles
 * pause: no family decides while paused, and {@code PhaseRule} shows the phase.
 */
public final class Pause {

    private Pause() {
    }

    /** A status-only decision while paused, or empty when the cluster is not paused. */
    public static Optional<Decision> decide(ClusterSpec spec, ClusterStatus status, long generation, Instant now) {
        if (!spec.paused()) {
            return Optional.empty();
        }
        ClusterStatus next = status
                .withCondition(Condition.PAUSED, Condition.Status.True, GateReasons.PAUSED,
                        "spec.paused is true: raftops makes no changes until it is false", generation, now);
        return Optional.of(Decision.of(next, Wake.onEvent(java.time.Duration.ofMinutes(5), "paused")));
    }

    /** The status after unpausing: the Paused condition turns False. */
    public static ClusterStatus resumed(ClusterStatus status, long generation, Instant now) {
        if (Condition.find(status.conditions(), Condition.PAUSED).isEmpty()) {
            return status;
        }
        return status.withCondition(Condition.PAUSED, Condition.Status.False, GateReasons.RESUMED, "spec.paused is false",
                generation, now);
    }
}
