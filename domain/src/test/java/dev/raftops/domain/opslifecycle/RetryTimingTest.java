package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryTimingTest {

    private static final RetryTiming DEFAULTS = RetryTiming.defaults();

    @Test
    void contentionWaitsFiveToSixSecondsWithJitter() {
        Random random = new Random(42);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waits.add(DEFAULTS.contention(random));
        }
        assertThat(waits).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6)));
        assertThat(waits.stream().distinct().count()).as("jitter spreads the waits").isGreaterThan(100);
    }

    @Test
    void progressPollsWaitFiveToSixSecondsWithJitter() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(DEFAULTS.poll(random)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
        }
    }

    @Test
    void theSameSeedGivesTheSameJitter() {
        Random a = new Random(99);
        Random b = new Random(99);
        for (int i = 0; i < 20; i++) {
            assertThat(DEFAULTS.contention(a)).isEqualTo(DEFAULTS.contention(b));
        }
    }

    @Test
    void withoutJitterPollsAreExact() {
        assertThat(DEFAULTS.withoutJitter().poll(new Random(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULTS.withoutJitter().contention(new Random(1))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void standardWaitsAreSixtySeconds() {
        assertThat(DEFAULTS.standard()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void errorsBackOffFromOneSecondDoubling() {
        assertThat(DEFAULTS.errorBackoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(DEFAULTS.errorBackoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DEFAULTS.errorBackoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DEFAULTS.errorBackoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(DEFAULTS.errorBackoff(9)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void errorBackoffIsCappedAtFiveMinutes() {
        assertThat(DEFAULTS.errorBackoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFAULTS.errorBackoff(31)).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFAULTS.errorBackoff(64)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aThousandErrorsInARowDoNotOverflow() {
        assertThat(DEFAULTS.errorBackoff(1000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(DEFAULTS.errorBackoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void noErrorYetWaitsTheBase() {
        assertThat(DEFAULTS.errorBackoff(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everyValueIsConfigurable() {
        RetryTiming custom = new RetryTiming(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMillis(500), Duration.ofSeconds(3), 0.5);
        Random random = new Random(3);

        assertThat(custom.contention(random)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(custom.poll(random)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(15));
        assertThat(custom.standard()).isEqualTo(Duration.ofSeconds(30));
        assertThat(custom.errorBackoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(custom.errorBackoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(custom.errorBackoff(4)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aLargeCapIsReachedByDoublingAllTheWay() {
        RetryTiming timing = new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofMillis(1), Duration.ofMillis(1L << 40), 0.2);

        assertThat(timing.errorBackoff(41)).isEqualTo(Duration.ofMillis(1L << 40));
        assertThat(timing.errorBackoff(36)).isEqualTo(Duration.ofMillis(1L << 35));
    }

    @Test
    void aHugeBaseNeverWrapsAroundBelowItself() {
        Duration base = Duration.ofMillis((1L << 35) + 7);
        RetryTiming timing = new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                base, base.multipliedBy(1L << 20), 0.2);

        assertThat(timing.errorBackoff(30)).isEqualTo(base.multipliedBy(1L << 20));
    }

    @Test
    void aSubMillisecondBaseStillDoubles() {
        RetryTiming timing = new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofNanos(500_000), Duration.ofMillis(3), 0.2);

        assertThat(timing.errorBackoff(2)).isEqualTo(Duration.ofMillis(1));
        assertThat(timing.errorBackoff(4)).isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void refusesJitterOutsideZeroToOne() {
        assertThatThrownBy(() -> new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofMinutes(5), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofMinutes(5), -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesACapBelowTheBase() {
        assertThatThrownBy(() -> new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(5), 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ZERO, Duration.ofSeconds(5), 0.2)).isInstanceOf(IllegalArgumentException.class);
    }
}
