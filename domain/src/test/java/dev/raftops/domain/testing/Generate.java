package dev.raftops.domain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small generators shared by property tests. */
public final class Generate {

    private Generate() {
    }

    /** Uniform in {@code [min, max]}. */
    public static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** True with probability {@code p}. */
    public static boolean chance(Random random, double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A random permutation of {@code 0..n-1}. */
    public static List<Integer> permutation(Random random, int n) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i);
        }
        java.util.Collections.shuffle(values, random);
        return values;
    }
}
