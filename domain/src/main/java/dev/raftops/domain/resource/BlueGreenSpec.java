package dev.raftops.domain.resource;

import java.time.Duration;
import java.util.List;

/** {@code spec.upgrade.blueGreen}. */
public record BlueGreenSpec(boolean autoPromote, int maxJobFailures, Verification verification, AutoRollback autoRollback) {

    public static final int DEFAULT_MAX_JOB_FAILURES = 5;
    public static final long DEFAULT_MAX_LAG_ENTRIES = 100;

    public BlueGreenSpec {
        if (maxJobFailures < 1) {
            throw new IllegalArgumentException("spec.upgrade.blueGreen.maxJobFailures must be at least 1, was " + maxJobFailures);
        }
        verification = verification == null ? Verification.defaults() : verification;
        autoRollback = autoRollback == null ? AutoRollback.defaults() : autoRollback;
    }

    public static BlueGreenSpec defaults() {
        return new BlueGreenSpec(true, DEFAULT_MAX_JOB_FAILURES, null, null);
    }

    /**
     * {@code verification}: sync requirements before promotion. The rolling upgrade still reads
     * {@code maxLagEntries} when {@code spec.upgrade.rolling.maxLagEntries} is not set (deprecated
     * there: see {@code UpgradeSpec.rollingMaxLagEntries}).
     */
    public record Verification(Duration minSyncDuration, long maxLagEntries, PrePromotionHook prePromotionHook) {

        public Verification {
            minSyncDuration = minSyncDuration == null ? Duration.ZERO : minSyncDuration;
            if (maxLagEntries < 0) {
                throw new IllegalArgumentException("verification.maxLagEntries must not be negative, was " + maxLagEntries);
            }
        }

        public static Verification defaults() {
            return new Verification(Duration.ZERO, DEFAULT_MAX_LAG_ENTRIES, null);
        }
    }

    /** An optional Job run before promotion; its failure counts as a validation failure. */
    public record PrePromotionHook(String image, List<String> command, List<String> args, int timeoutSeconds) {

        public PrePromotionHook {
            command = command == null ? List.of() : List.copyOf(command);
            args = args == null ? List.of() : List.copyOf(args);
            timeoutSeconds = timeoutSeconds <= 0 ? 300 : timeoutSeconds;
        }
    }

    /** When a failure after promotion rolls back by itself. */
    public record AutoRollback(boolean enabled, boolean onJobFailure, boolean onValidationFailure) {

        public static AutoRollback defaults() {
            return new AutoRollback(true, true, true);
        }
    }
}
