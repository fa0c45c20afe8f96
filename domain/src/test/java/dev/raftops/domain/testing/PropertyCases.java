package dev.raftops.domain.testing;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded cases for plain-JUnit property tests.
 *
 * <p>A property test is a {@code @ParameterizedTest} whose {@code @MethodSource} returns
 * {@code PropertyCases.of(200, random -> ...)}. Every case gets its own seed derived from the run
 * seed, so a failure names one seed that replays exactly that case:
 * {@code mvn verify -Draftops.seed=N} (run seed) or {@link #replay(long, Function)} (case seed).
 * The run seed defaults to a fixed value so CI is reproducible; set {@code -Draftops.seed=random}
 * to explore.
 */
public final class PropertyCases {

    /** The system property that overrides the run seed. */
    public static final String SEED_PROPERTY = "raftops.seed";

    private static final long DEFAULT_SEED = 20261124L;

    private PropertyCases() {
    }

    /** The run seed: {@code -Draftops.seed=N}, {@code random}, or the fixed default. */
    public static long runSeed() {
        String value = System.getProperty(SEED_PROPERTY, "");
        if (value.isBlank() || value.startsWith("${")) {
            return DEFAULT_SEED;
        }
        if (value.equals("random")) {
            return new Random().nextLong();
        }
        return Long.parseLong(value.trim());
    }

    /**
     * {@code count} cases, each a {@link Case} carrying its seed and the generated value; the
     * display name shows the case number and seed.
     */
    public static <T> Stream<Arguments> of(int count, Function<Random, T> generator) {
        long runSeed = runSeed();
        Random seeds = new Random(runSeed);
        return IntStream.range(0, count).mapToObj(i -> {
            long seed = seeds.nextLong();
            T value = generator.apply(new Random(seed));
            return Arguments.argumentSet("case " + i + " seed " + seed, new Case<>(seed, runSeed, value));
        });
    }

    /** Regenerates one case from its seed, for a debugger or a regression test. */
    public static <T> Case<T> replay(long seed, Function<Random, T> generator) {
        return new Case<>(seed, runSeed(), generator.apply(new Random(seed)));
    }

    /**
     * One generated case. {@link #why(String)} prefixes an assertion message with both seeds,
     * so every failure can be replayed.
     */
    public record Case<T>(long seed, long runSeed, T value) {

        public String why(String invariant) {
            return "[case seed " + seed + ", run seed " + runSeed + " (-D" + SEED_PROPERTY + "=" + runSeed
                    + ")] " + invariant + "\n  input: " + value;
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + value;
        }
    }
}
