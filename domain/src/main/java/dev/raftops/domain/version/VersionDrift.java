package dev.raftops.domain.version;

import java.util.Objects;

/** How a desired version relates to the version the cluster runs. */
public record VersionDrift(Kind kind, SemVer current, SemVer desired) {

    public enum Kind {
        /** Same precedence: nothing rolls (build metadata alone never rolls). */
        NONE,
        /** Desired is higher: an upgrade. */
        UPGRADE,
        /** Desired is lower: always blocked ({@code DowngradeBlocked}). */
        DOWNGRADE
    }

    public VersionDrift {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(desired, "desired");
    }

    public static VersionDrift between(SemVer current, SemVer desired) {
        int c = desired.compareTo(current);
        Kind kind = c == 0 ? Kind.NONE : c > 0 ? Kind.UPGRADE : Kind.DOWNGRADE;
        return new VersionDrift(kind, current, desired);
    }

    public boolean isMajorJump() {
        return kind == Kind.UPGRADE && desired.major().compareTo(current.major()) > 0;
    }

    /** Minor versions skipped within one major (2.3 to 2.6 skips 2); zero across a major jump. */
    public long skippedMinors() {
        if (kind != Kind.UPGRADE || !desired.major().equals(current.major())) {
            return 0;
        }
        java.math.BigInteger skipped = desired.minor().subtract(current.minor()).subtract(java.math.BigInteger.ONE);
        if (skipped.signum() <= 0) {
            return 0;
        }
        return skipped.bitLength() < 63 ? skipped.longValue() : Long.MAX_VALUE;
    }
}
