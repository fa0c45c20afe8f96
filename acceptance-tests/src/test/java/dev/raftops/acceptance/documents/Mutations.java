package dev.raftops.acceptance.documents;

import dev.raftops.acceptance.documents.Mutation.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded generator of bad documents: mutation {@code i} of seed {@code s} is always the same, so
 * any one of them replays alone ({@code -Draftops.documents.only=i}). The classes take turns; each
 * draws a field from the fields of its kind and a value from the values that break that kind.
 */
final class Mutations {

    private static final String HUGE = "1" + "0".repeat(30);

    /** Integer fields and the lowest value each accepts, in a fixed order (the sequence depends on it). */
    private static final Map<String, Long> INTEGERS = ordered("spec.replicas", 1L,
            "spec.upgrade.policy.maxMinorSkip", 0L, "spec.upgrade.blueGreen.maxJobFailures", 1L,
            "spec.upgrade.blueGreen.verification.maxLagEntries", 0L, "spec.upgrade.rolling.maxLagEntries", 0L,
            "spec.backup.retention.maxCount", 1L);
    /** Integer fields whose range ends at Java's int. */
    private static final List<String> INTS = List.of("spec.replicas", "spec.upgrade.policy.maxMinorSkip",
            "spec.upgrade.blueGreen.maxJobFailures", "spec.backup.retention.maxCount");
    private static final List<String> BOOLEANS = List.of("spec.paused", "spec.upgrade.preUpgradeSnapshot",
            "spec.maintenance.enabled", "spec.upgrade.policy.allowMajor", "spec.upgrade.blueGreen.autoPromote",
            "spec.tls.disabled");
    private static final List<String> DURATIONS = List.of("spec.upgrade.timeouts.stepDown",
            "spec.upgrade.timeouts.podReady", "spec.backup.retention.maxAge");
    /** String fields a bad value makes invalid (enumerations and the version). */
    private static final List<String> CHECKED_STRINGS = List.of("spec.version", "spec.upgrade.strategy",
            "spec.upgrade.raftState");
    /** String fields any value of is valid: odd text is tolerated. */
    private static final List<String> FREE_STRINGS = List.of("spec.breakGlassAck", "spec.upgrade.requests.promote",
            "spec.backup.timeZone");
    private static final List<String> OBJECTS = List.of("spec.upgrade", "spec.upgrade.timeouts", "spec.backup",
            "spec.upgrade.blueGreen", "spec.maintenance");

    private final Random random;

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private Mutations(long seed) {
        this.random = new Random(seed);
    }

    /** The first {@code count} mutations of {@code seed}. */
    static List<Mutation> generate(long seed, int count) {
        Mutations m = new Mutations(seed);
        List<Mutation> out = new ArrayList<>();
        MutationClass[] classes = MutationClass.values();
        for (int i = 0; i < count; i++) {
            // every class in turn, so any nine in a row try each once; the field and value are drawn
            out.add(m.next(i, classes[i % classes.length]));
        }
        return out;
    }

    private Mutation next(int i, MutationClass type) {
        return switch (type) {
            case WRONG_TYPE -> wrongType(i);
            case OUT_OF_RANGE -> outOfRange(i);
            case HUGE_NUMBER -> huge(i);
            case LONG_STRING -> text(i, type, "9".repeat(1 + random.nextInt(3)) + "." + "x".repeat(4096
                    + random.nextInt(60_000)));
            case NON_ASCII -> text(i, type, pick(List.of("２.４.４", "2.4.4\u0000", "☃", "v2.4.4\u202e", "Blue\u00a0Green",
                    "RollingUpdat\u00e9", "\ud83d\udca5", "\u0432\u0435\u0440\u0441\u0438\u044f")));
            case NULL -> nulled(i);
            case REMOVED_REQUIRED -> random.nextBoolean()
                    ? new Mutation(i, type, "spec.version", true, null, Expect.INVALID)
                    : new Mutation(i, type, "spec", true, null, Expect.INVALID);
            case CONTRADICTION -> contradiction(i);
            case STATUS_EDIT -> statusEdit(i);
        };
    }

    private Mutation wrongType(int i) {
        MutationClass t = MutationClass.WRONG_TYPE;
        return switch (random.nextInt(4)) {
            case 0 -> new Mutation(i, t, pick(List.copyOf(INTEGERS.keySet())), false,
                    pick(List.of("three", "3", true, 2.5, List.of(3), Map.of("value", 3))), Expect.INVALID);
            case 1 -> new Mutation(i, t, pick(BOOLEANS), false, pick(List.of("yes", "true", 1, List.of(true),
                    Map.of("on", true))), Expect.INVALID);
            case 2 -> new Mutation(i, t, pick(CHECKED_STRINGS), false, pick(List.of(List.of("2.4.4"),
                    Map.of("major", 2))), Expect.INVALID);
            default -> new Mutation(i, t, pick(OBJECTS), false, pick(List.of("RollingUpdate", 42, List.of("a"), true)),
                    Expect.INVALID);
        };
    }

    private Mutation outOfRange(int i) {
        MutationClass t = MutationClass.OUT_OF_RANGE;
        if (random.nextInt(3) == 0) {
            return new Mutation(i, t, pick(DURATIONS), false, pick(List.of("0s", "-5s", "soon", "5 minutes", "1y",
                    "")), Expect.INVALID);
        }
        String field = pick(List.copyOf(INTEGERS.keySet()));
        long below = INTEGERS.get(field) - 1 - random.nextInt(1000);
        return new Mutation(i, t, field, false, below, Expect.INVALID);
    }

    private Mutation huge(int i) {
        MutationClass t = MutationClass.HUGE_NUMBER;
        return switch (random.nextInt(3)) {
            // past Java's int: the binding refuses it
            case 0 -> new Mutation(i, t, pick(INTS), false, pick(List.of(2_147_483_648L, Long.MAX_VALUE)),
                    Expect.INVALID);
            // past any integer
            case 1 -> new Mutation(i, t, pick(List.copyOf(INTEGERS.keySet())), false, new java.math.BigInteger(HUGE),
                    Expect.INVALID);
            // a lag bound no cluster reaches: valid, and nothing to report
            default -> new Mutation(i, t, pick(List.of("spec.upgrade.blueGreen.verification.maxLagEntries",
                    "spec.upgrade.rolling.maxLagEntries")), false, Long.MAX_VALUE, Expect.TOLERATED);
        };
    }

    private Mutation text(int i, MutationClass type, String value) {
        if (random.nextInt(3) == 0) {
            return new Mutation(i, type, pick(FREE_STRINGS.subList(0, 2)), false, value, Expect.TOLERATED);
        }
        return new Mutation(i, type, pick(CHECKED_STRINGS), false, value, Expect.INVALID);
    }

    private Mutation nulled(int i) {
        MutationClass t = MutationClass.NULL;
        if (random.nextBoolean()) {
            return new Mutation(i, t, "spec.version", false, null, Expect.INVALID);
        }
        // an optional field set to null is absent: its default applies
        return new Mutation(i, t, pick(List.of("spec.upgrade.timeouts.stepDown", "spec.backup.retention.maxCount",
                "spec.upgrade.blueGreen.maxJobFailures", "spec.maintenance")), false, null, Expect.TOLERATED);
    }

    private Mutation contradiction(int i) {
        MutationClass t = MutationClass.CONTRADICTION;
        return switch (random.nextInt(3)) {
            case 0 -> new Mutation(i, t, "spec.upgrade.preUpgradeSnapshot+spec.backup", false, null, Expect.INVALID);
            case 1 -> new Mutation(i, t, "spec.tls.disabled+spec.tls.secretName", false, null, Expect.INVALID);
            default -> new Mutation(i, t, "spec.workload.statefulSetRef.name", false, "", Expect.INVALID);
        };
    }

    private Mutation statusEdit(int i) {
        MutationClass t = MutationClass.STATUS_EDIT;
        return switch (random.nextInt(9)) {
            case 0 -> new Mutation(i, t, "status.operationLock.holder", false, pick(List.of("someone/else",
                    "raftcluster/backup", "")), Expect.STATUS_EDITED);
            case 1 -> new Mutation(i, t, "status.operationLock.epoch", false, pick(List.of(0, 999_999, -1)),
                    Expect.STATUS_EDITED);
            case 2 -> new Mutation(i, t, "status.upgrade.currentPartition", false, pick(List.of(0, -1, 99, "x")),
                    Expect.STATUS_EDITED);
            case 3 -> new Mutation(i, t, "status.upgrade.completedOrdinals", false, pick(List.of(List.of(0, 1, 2),
                    List.of(), List.of(7), "all")), Expect.STATUS_EDITED);
            case 4 -> new Mutation(i, t, "status.breakGlass.nonce", false, "forged", Expect.STATUS_EDITED);
            case 5 -> new Mutation(i, t, "status.breakGlass", false, Map.of("active", true, "nonce", "forged",
                    "reason", "RollbackFailed"), Expect.STATUS_EDITED);
            case 6 -> new Mutation(i, t, "status.currentVersion", false, pick(List.of("2.4.4", "9.9.9", "")),
                    Expect.STATUS_EDITED);
            case 7 -> new Mutation(i, t, "status.upgrade.targetVersion", false, pick(List.of("2.3.0", "9.9.9")),
                    Expect.STATUS_EDITED);
            default -> new Mutation(i, t, "status.surprise", false, Map.of("from", "a newer controller"),
                    Expect.TOLERATED);
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
