package dev.raftops.domain.opslifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before looking again, as values. Lock contention and progress polls add jitter
 * from an injected random source so clusters do not poll in lock-step; errors back off
 * exponentially per cluster.
 *
 * @param jitter the fraction of a poll added at random: 0.2 makes a 5 s poll 5 to 6 s
 */
public record RetryTiming(Duration lockContention, Duration progressPoll, Duration standard, Duration errorBase,
        Duration errorCap, double jitter) {

    public RetryTiming {
        Objects.requireNonNull(lockContention);
        Objects.requireNonNull(progressPoll);
        Objects.requireNonNull(standard);
        Objects.requireNonNull(errorBase);
        Objects.requireNonNull(errorCap);
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
        }
        if (errorBase.isZero() || errorBase.isNegative() || errorCap.compareTo(errorBase) < 0) {
            throw new IllegalArgumentException("error backoff needs 0 < base <= cap");
        }
    }

    /** 5 s contention and polls, 60 s standard waits, errors from 1 s doubling to 5 min, 20 % jitter. */
    public static RetryTiming defaults() {
        return new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);
    }

    /** Without jitter, for tests and simulations that want exact times. */
    public RetryTiming withoutJitter() {
        return new RetryTiming(lockContention, progressPoll, standard, errorBase, errorCap, 0);
    }

    public Duration contention(RandomGenerator random) {
        return jittered(lockContention, random);
    }

    public Duration poll(RandomGenerator random) {
        return jittered(progressPoll, random);
    }

    /** The wait after the {@code consecutiveErrors}-th error in a row (1 = first): base doubling to the cap. */
    public Duration errorBackoff(int consecutiveErrors) {
        // Double as Durations and stop at the cap: a shifted long overflowed for large bases and
        // a fixed shift limit stopped short of a large cap. At most ~90 doublings reach any cap.
        Duration wait = errorBase;
        for (int i = 1; i < consecutiveErrors && wait.compareTo(errorCap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(errorCap) < 0 ? wait : errorCap;
    }

    private Duration jittered(Duration base, RandomGenerator random) {
        if (jitter == 0) {
            return base;
        }
        long extra = (long) (base.toMillis() * jitter * random.nextDouble());
        return base.plusMillis(extra);
    }
}
