package dev.raftops.domain.version;

/**
 * {@code spec.upgrade.policy}: which upgrades are allowed. Downgrades are always blocked.
 *
 * @param allowMajor a major jump is blocked unless true ({@code MajorUpgradeBlocked})
 * @param allowPrerelease pre-release targets are allowed unless false ({@code PrereleaseBlocked})
 * @param maxMinorSkip warn (never block) when more minors are skipped; null = unlimited
 */
public record UpgradePolicy(boolean allowMajor, boolean allowPrerelease, Integer maxMinorSkip) {

    public UpgradePolicy {
        if (maxMinorSkip != null && maxMinorSkip < 0) {
            throw new IllegalArgumentException("spec.upgrade.policy.maxMinorSkip must not be negative, was " + maxMinorSkip);
        }
    }

    public static UpgradePolicy defaults() {
        return new UpgradePolicy(false, true, null);
    }
}
