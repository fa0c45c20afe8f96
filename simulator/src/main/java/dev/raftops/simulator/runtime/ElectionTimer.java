package dev.raftops.simulator.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a leaderless Raft group of the runtime holds its election: {@code delay} plus a seeded
 * jitter of up to {@code delay} after it first found itself without a leader.
 */
final class ElectionTimer {

    private final RandomGenerator random;
    private final Duration delay;
    private Instant at;

    ElectionTimer(RandomGenerator random, Duration delay) {
        this.random = random;
        this.delay = delay;
    }

    /** Whether an election is due now; a group with a leader disarms the timer, a leaderless one arms it once. */
    boolean due(boolean leaderless, Instant now) {
        if (!leaderless) {
            at = null;
            return false;
        }
        if (at == null) {
            long jitter = delay.toMillis() <= 0 ? 0 : random.nextInt((int) delay.toMillis() + 1);
            at = now.plus(delay).plusMillis(jitter);
            return false;
        }
        return !now.isBefore(at);
    }

    /** A leader was elected: the next leaderless spell starts a new wait. */
    void reset() {
        at = null;
    }
}
