package dev.raftops.ports.driving;

import dev.raftops.domain.decision.Wake;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one admin-operations pass ended with, and when the controller should call again. */
public sealed interface ReconcileOutcome {

    /** The one translation of a decision's wake-up into when the controller calls again. */
    static ReconcileOutcome of(Wake wake) {
        if (wake instanceof Wake.After after) {
            return new WaitFor(after.delay(), after.reason());
        }
        if (wake instanceof Wake.OnEvent onEvent) {
            return new WakeOnEvent(onEvent.fallback(), onEvent.reason());
        }
        return new Done();
    }

    /**
     * The one translation of an outcome into when the controller calls again if no watched change
     * comes first: the delay a {@link WaitFor} asks for, the fallback of a {@link WakeOnEvent};
     * empty for {@link Done} (only a change calls again) and for an {@link Error}, after which the
     * caller backs off by {@code RetryTiming.errorBackoff} instead.
     */
    default Optional<Duration> callAgainIn() {
        if (this instanceof WaitFor wait) {
            return Optional.of(wait.delay());
        }
        if (this instanceof WakeOnEvent onEvent) {
            return Optional.of(onEvent.fallback());
        }
        return Optional.empty();
    }

    /** Nothing in flight; call again on the next change. */
    record Done() implements ReconcileOutcome {
    }

    /** Call again after {@code delay}. */
    record WaitFor(Duration delay, String reason) implements ReconcileOutcome {
        public WaitFor {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Waiting for a watched change; call again on it, or after {@code fallback} at the latest. */
    record WakeOnEvent(Duration fallback, String reason) implements ReconcileOutcome {
        public WakeOnEvent {
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /** The pass failed; the controller backs off and retries. Recorded as {@code status.adminOps.lastError}. */
    record Error(String reason, String message) implements ReconcileOutcome {
    }
}
