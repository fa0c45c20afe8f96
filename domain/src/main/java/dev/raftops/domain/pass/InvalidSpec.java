package dev.raftops.domain.pass;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.PhaseRule;
import java.time.Duration;
import java.time.Instant;

/** A spec that does not map: a condition and an Event naming the field, nothing else. */
public final class InvalidSpec {

    private InvalidSpec() {
    }

    /** The decision for a spec whose {@code field} is missing or malformed ({@code message} says how). */
    public static Decision decide(ClusterKey key, long generation, ClusterStatus current, String field,
            String message, Instant now) {
        String text = field + ": " + message;
        boolean known = Condition.find(current.conditions(), Condition.DEGRADED)
                .map(c -> c.reason().equals(PassReasons.INVALID_SPEC) && c.message().equals(text)).orElse(false);
        ClusterStatus next = PhaseRule.ofInvalidSpec(current.withCondition(Condition.DEGRADED, Condition.Status.True,
                PassReasons.INVALID_SPEC, text, generation, now).withObservedGeneration(generation));
        Wake wake = Wake.onEvent(Duration.ofMinutes(10), "waiting for a valid spec");
        if (known) {
            return Decision.of(next, wake);
        }
        return Decision.of(next, wake, new Action.Emit(ClusterEvent.warning(PassReasons.INVALID_SPEC, text,
                AuditFields.of(key.toString(), PassReasons.INVALID_SPEC))));
    }
}
