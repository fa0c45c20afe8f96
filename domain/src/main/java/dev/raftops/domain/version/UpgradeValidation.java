package dev.raftops.domain.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Version policy for a desired version against the version the cluster runs: downgrades are always
 * blocked, a major jump unless {@code allowMajor}, a pre-release target when {@code allowPrerelease}
 * is false, and an image whose tag parses as SemVer must name the same version (build metadata
 * aside: a tag cannot carry it).
 */
public final class UpgradeValidation {

    private UpgradeValidation() {
    }

    /**
     * @param current the version the cluster runs; null before it is known (then only the target's
     *                own validity and the image tag are checked)
     * @param image the container image, may be null
     */
    public static UpgradeVerdict check(String current, String desired, String image, UpgradePolicy policy) {
        SemVer target;
        try {
            target = SemVer.parse(desired);
        } catch (InvalidVersionException e) {
            return UpgradeVerdict.blocked(UpgradeVerdict.INVALID_VERSION, "spec.version: " + e.getMessage(), null);
        }
        String mismatch = imageMismatch(image, target);
        if (mismatch != null) {
            return UpgradeVerdict.blocked(UpgradeVerdict.IMAGE_VERSION_MISMATCH, mismatch, target);
        }
        if (current == null) {
            return new UpgradeVerdict(UpgradeVerdict.Kind.NO_CHANGE, null, null, target, List.of());
        }
        SemVer running;
        try {
            running = SemVer.parse(current);
        } catch (InvalidVersionException e) {
            return UpgradeVerdict.blocked(UpgradeVerdict.INVALID_VERSION, "status.currentVersion: " + e.getMessage(), target);
        }
        VersionDrift drift = VersionDrift.between(running, target);
        switch (drift.kind()) {
            case NONE:
                return target.equals(running) ? new UpgradeVerdict(UpgradeVerdict.Kind.NO_CHANGE, null, null, target,
                        List.of()) : buildMetadataOnly(running, target);
            case DOWNGRADE:
                return UpgradeVerdict.blocked(UpgradeVerdict.DOWNGRADE_BLOCKED, "spec.version " + target
                        + " is lower than the running version " + running + "; downgrades are never performed", target);
            default:
                break;
        }
        if (drift.isMajorJump() && !policy.allowMajor()) {
            return UpgradeVerdict.blocked(UpgradeVerdict.MAJOR_UPGRADE_BLOCKED, "upgrade from " + running + " to " + target
                    + " crosses a major version; set spec.upgrade.policy.allowMajor to allow it", target);
        }
        if (target.isPreRelease() && !policy.allowPrerelease()) {
            return UpgradeVerdict.blocked(UpgradeVerdict.PRERELEASE_BLOCKED, "target " + target
                    + " is a pre-release and spec.upgrade.policy.allowPrerelease is false", target);
        }
        List<String> warnings = new ArrayList<>();
        long skipped = drift.skippedMinors();
        if (policy.maxMinorSkip() != null && skipped > policy.maxMinorSkip()) {
            warnings.add("upgrade from " + running + " to " + target + " skips " + skipped
                    + " minor versions (spec.upgrade.policy.maxMinorSkip is " + policy.maxMinorSkip() + ")");
        }
        return new UpgradeVerdict(UpgradeVerdict.Kind.ALLOWED, null, null, target, warnings);
    }

    /** Same precedence, other build metadata: the same image, so nothing rolls, and the verdict says so. */
    private static UpgradeVerdict buildMetadataOnly(SemVer running, SemVer target) {
        return new UpgradeVerdict(UpgradeVerdict.Kind.NO_CHANGE, UpgradeVerdict.BUILD_METADATA_ONLY, "spec.version "
                + target + " differs from the running " + running + " only in build metadata: the image tag stays "
                + WorkloadVersion.imageTag(target) + ", nothing to roll", target, List.of());
    }

    /** A message when the image tag is a SemVer version other than {@code target}; null otherwise. */
    static String imageMismatch(String image, SemVer target) {
        String tag = WorkloadVersion.tagOf(image);
        if (tag == null) {
            return null;
        }
        SemVer tagged;
        try {
            tagged = SemVer.parse(tag);
        } catch (InvalidVersionException e) {
            return null; // tags like "latest" or "2.4" do not name a version
        }
        if (tagged.samePrecedence(target)) {
            return null; // a tag cannot carry build metadata ('+'), so it names the version without it
        }
        return "spec.image tag \"" + tag + "\" names version " + tagged + " but spec.version is " + target;
    }
}
