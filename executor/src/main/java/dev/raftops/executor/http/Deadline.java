package dev.raftops.executor.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The instant by which the whole action must be done ({@code RAFTOPS_DEADLINE_SECONDS} after start). */
public record Deadline(Instant end, Clock clock) {

    public static Deadline in(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), clock);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean passed() {
        return !clock.instant().isBefore(end);
    }

    /** The shorter of {@code cap} and what is left, at least a millisecond. */
    public Duration atMost(Duration cap) {
        Duration left = remaining();
        Duration d = left.compareTo(cap) < 0 ? left : cap;
        return d.isZero() ? Duration.ofMillis(1) : d;
    }

    /** Sleeps {@code pause}, or until the deadline if that comes first; false when the deadline has passed. */
    public boolean pause(Duration pause) {
        Duration d = remaining().compareTo(pause) < 0 ? remaining() : pause;
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !passed();
    }
}
