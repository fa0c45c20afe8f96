package dev.raftops.domain.decision;

import java.time.Duration;
import java.util.Objects;

/** When a decision wants to look again. */
public sealed interface Wake {

    /** Nothing in flight for this family: the next family may run; no poll is needed. */
    record Idle() implements Wake {
    }

    /** Look again after {@code delay} (a poll, a timer). */
    record After(Duration delay, String reason) implements Wake {
        public After {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative wake-up delay");
            }
        }
    }

    /**
     * Waiting for something a watch reports (pod Ready, Job finished, spec edited); {@code fallback}
     * bounds the wait in case an event is lost.
     */
    record OnEvent(Duration fallback, String reason) implements Wake {
        public OnEvent {
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    static Wake idle() {
        return new Idle();
    }

    static Wake now(String reason) {
        return new After(Duration.ZERO, reason);
    }

    static Wake after(Duration delay, String reason) {
        return new After(delay, reason);
    }

    static Wake onEvent(Duration fallback, String reason) {
        return new OnEvent(fallback, reason);
    }

    /** Whether this wake-up ends the admin-operations pass (everything but Idle). */
    default boolean endsPass() {
        return !(this instanceof Idle);
    }
}
