package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.SpecBlueGreen;
import dev.raftops.adapters.fabric8.crd.SpecPrePromotionHook;
import dev.raftops.adapters.fabric8.crd.SpecVerification;
import dev.raftops.domain.resource.BlueGreenSpec;

/** {@code spec.upgrade.blueGreen} of a {@code RaftCluster} into the domain's {@link BlueGreenSpec}, checked as {@link SpecMapping} checks the rest. */
final class BlueGreenSpecMapping {

    private BlueGreenSpecMapping() {
    }

    static BlueGreenSpec blueGreen(SpecBlueGreen b) {
        if (b == null) {
            return BlueGreenSpec.defaults();
        }
        int maxJobFailures = b.maxJobFailures == null ? BlueGreenSpec.DEFAULT_MAX_JOB_FAILURES : b.maxJobFailures;
        if (maxJobFailures < 1) {
            throw new InvalidField("spec.upgrade.blueGreen.maxJobFailures",
                    "spec.upgrade.blueGreen.maxJobFailures must be at least 1, was " + maxJobFailures);
        }
        BlueGreenSpec.AutoRollback rollback = b.autoRollback == null ? BlueGreenSpec.AutoRollback.defaults()
                : new BlueGreenSpec.AutoRollback(notFalse(b.autoRollback.enabled), notFalse(b.autoRollback.onJobFailure),
                        notFalse(b.autoRollback.onValidationFailure));
        return new BlueGreenSpec(notFalse(b.autoPromote), maxJobFailures, verification(b.verification), rollback);
    }

    private static BlueGreenSpec.Verification verification(SpecVerification v) {
        if (v == null) {
            return BlueGreenSpec.Verification.defaults();
        }
        String prefix = "spec.upgrade.blueGreen.verification.";
        long maxLag = v.maxLagEntries == null ? BlueGreenSpec.DEFAULT_MAX_LAG_ENTRIES : v.maxLagEntries;
        if (maxLag < 0) {
            throw new InvalidField(prefix + "maxLagEntries", prefix + "maxLagEntries must not be negative, was " + maxLag);
        }
        BlueGreenSpec.PrePromotionHook hook = null;
        if (v.prePromotionHook != null) {
            SpecPrePromotionHook h = v.prePromotionHook;
            if (h.image == null || h.image.isBlank()) {
                throw new InvalidField(prefix + "prePromotionHook.image", prefix + "prePromotionHook.image is required");
            }
            if (h.timeoutSeconds != null && h.timeoutSeconds < 1) {
                throw new InvalidField(prefix + "prePromotionHook.timeoutSeconds",
                        prefix + "prePromotionHook.timeoutSeconds must be at least 1, was " + h.timeoutSeconds);
            }
            hook = new BlueGreenSpec.PrePromotionHook(h.image, h.command, h.args,
                    h.timeoutSeconds == null ? 0 : h.timeoutSeconds);
        }
        return new BlueGreenSpec.Verification(Durations.parse(prefix + "minSyncDuration", v.minSyncDuration), maxLag, hook);
    }

    private static boolean notFalse(Boolean b) {
        return b == null || b;
    }
}
