package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryTimingPropertiesTest {

    record Config(long baseMillis, long capMillis, double jitter, long seed) {
        RetryTiming timing() {
            return new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                    Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis), jitter);
        }
    }

    static Config config(Random r) {
        // bases from a millisecond to about two years; caps from the base to 2^20 times it, and for
        // small bases up to 2^40 times it, so long runs of doubling are exercised
        long base = Math.max(1, (1L << Generate.between(r, 0, 35)) + r.nextInt(1000) - 500);
        long factor = base < (1L << 22) && r.nextBoolean()
                ? (1L << Generate.between(r, 0, 40)) + r.nextInt(1000)
                : Generate.between(r, 1, 1 << 20);
        long cap = base * factor + r.nextInt(1000);
        return new Config(base, cap, r.nextDouble(), r.nextLong());
    }

    static Stream<Arguments> configs() {
        return PropertyCases.of(200, RetryTimingPropertiesTest::config);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void errorBackoffDoublesFromTheBaseUpToTheCap(Case<Config> c) {
        RetryTiming timing = c.value().timing();
        BigInteger cap = BigInteger.valueOf(c.value().capMillis());
        for (int n : new int[] {1, 2, 3, 10, 20, 30, 31, 32, 40, 63, 64, 65, 100, 1000, Integer.MAX_VALUE}) {
            BigInteger doubled = BigInteger.valueOf(c.value().baseMillis()).shiftLeft(Math.min(n - 1, 200));
            long expected = doubled.min(cap).longValueExact();
            assertThat(timing.errorBackoff(n).toMillis())
                    .as(c.why("invariant backoff after " + n + " errors is min(cap, base * 2^(n-1))"))
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void jitterStaysWithinTheConfiguredFraction(Case<Config> c) {
        RetryTiming timing = c.value().timing();
        Random random = new Random(c.value().seed());
        long max = 5000 + (long) (5000 * c.value().jitter());
        for (int i = 0; i < 20; i++) {
            assertThat(timing.contention(random).toMillis())
                    .as(c.why("invariant contention wait within [5 s, 5 s * (1 + jitter)]")).isBetween(5000L, max);
            assertThat(timing.poll(random).toMillis())
                    .as(c.why("invariant poll wait within [5 s, 5 s * (1 + jitter)]")).isBetween(5000L, max);
        }
    }
}
