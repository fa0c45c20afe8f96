package dev.raftops.domain.bluegreen;

import dev.raftops.domain.version.InvalidVersionException;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.UpgradePolicy;
import dev.raftops.domain.version.VersionDrift;

/**
 * The version policy a blue/green attempt needs before it starts: a valid target, no downgrade, no
 * blocked major jump or pre-release, and an image tag that does not contradict the version.
 * Deliberately small: the shared {@code version.UpgradeValidation} replaces it once both are on one
 * branch (see docs/decisions/bluegreen-version-policy.md).
 */
final class TargetCheck {

    enum Kind { NO_CHANGE, ALLOWED, BLOCKED }

    /** @param target canonical target version, null when it does not parse */
    record Verdict(Kind kind, String reason, String message, String target) {
    }

    private TargetCheck() {
    }

    static Verdict check(String current, String desired, String image, UpgradePolicy policy) {
        SemVer target;
        SemVer running;
        try {
            target = SemVer.parse(desired);
        } catch (InvalidVersionException e) {
            return new Verdict(Kind.BLOCKED, "InvalidVersion", "spec.version: " + e.getMessage(), null);
        }
        try {
            running = SemVer.parse(current);
        } catch (InvalidVersionException e) {
            return new Verdict(Kind.BLOCKED, "InvalidVersion", "status.currentVersion: " + e.getMessage(), null);
        }
        String tag = tagOf(image);
        if (tag != null) {
            try {
                SemVer tagged = SemVer.parse(tag);
                if (tagged.compareTo(target) != 0) {
                    return new Verdict(Kind.BLOCKED, "ImageVersionMismatch", "spec.image tag " + tag
                            + " names another version than spec.version " + target, target.toString());
                }
            } catch (InvalidVersionException notAVersion) {
                // tags such as "latest" say nothing about the version
            }
        }
        VersionDrift drift = VersionDrift.between(running, target);
        return switch (drift.kind()) {
            case NONE -> new Verdict(Kind.NO_CHANGE, null, null, target.toString());
            case DOWNGRADE -> new Verdict(Kind.BLOCKED, "DowngradeBlocked", "spec.version " + target
                    + " is lower than the running " + running + "; downgrades are never performed", target.toString());
            case UPGRADE -> policyVerdict(drift, policy, target);
        };
    }

    private static Verdict policyVerdict(VersionDrift drift, UpgradePolicy policy, SemVer target) {
        if (drift.isMajorJump() && !policy.allowMajor()) {
            return new Verdict(Kind.BLOCKED, "MajorUpgradeBlocked", "upgrade to " + target
                    + " crosses a major version; set spec.upgrade.policy.allowMajor", target.toString());
        }
        if (!target.preRelease().isEmpty() && !policy.allowPrerelease()) {
            return new Verdict(Kind.BLOCKED, "PrereleaseBlocked", "target " + target
                    + " is a pre-release and spec.upgrade.policy.allowPrerelease is false", target.toString());
        }
        return new Verdict(Kind.ALLOWED, null, null, target.toString());
    }

    /** The tag of {@code repo/name:tag[@digest]}, or null. */
    static String tagOf(String image) {
        if (image == null) {
            return null;
        }
        int at = image.indexOf('@');
        String ref = at >= 0 ? image.substring(0, at) : image;
        int colon = ref.lastIndexOf(':');
        return colon < 0 || colon < ref.lastIndexOf('/') ? null : ref.substring(colon + 1);
    }
}
