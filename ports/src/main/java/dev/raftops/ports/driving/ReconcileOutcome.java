package dev.raftops.ports.driving;

import java.time.Duration;
import java.util.Objects;

/** What one admin-operations pass ended with, and when the controller should call again. */
public sealed interface ReconcileOutcome {

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
