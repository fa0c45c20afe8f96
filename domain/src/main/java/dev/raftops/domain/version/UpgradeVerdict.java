package dev.raftops.domain.version;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link UpgradeValidation}: whether the desired version starts an upgrade, and if
 * not, a stable reason and a message for a person. Never an exception.
 *
 * @param target the parsed desired version, null when it does not parse
 * @param warnings allowed but worth telling (for example skipped minor versions)
 */
public record UpgradeVerdict(Kind kind, String reason, String message, SemVer target, List<String> warnings) {

    public enum Kind {
        /**
         * Desired and current have the same precedence: nothing to do. When they differ in build
         * metadata only, {@link #BUILD_METADATA_ONLY} and a message say so.
         */
        NO_CHANGE,
        /** An allowed upgrade. */
        ALLOWED,
        /** Invalid or not allowed: no write but status and an Event. */
        BLOCKED
    }

    public static final String INVALID_VERSION = "InvalidVersion";
    public static final String DOWNGRADE_BLOCKED = "DowngradeBlocked";
    public static final String MAJOR_UPGRADE_BLOCKED = "MajorUpgradeBlocked";
    public static final String PRERELEASE_BLOCKED = "PrereleaseBlocked";
    public static final String IMAGE_VERSION_MISMATCH = "ImageVersionMismatch";
    /** Not a block: the desired version differs from the running one only in build metadata. */
    public static final String BUILD_METADATA_ONLY = "BuildMetadataOnly";

    public UpgradeVerdict {
        Objects.requireNonNull(kind, "kind");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    static UpgradeVerdict blocked(String reason, String message, SemVer target) {
        return new UpgradeVerdict(Kind.BLOCKED, reason, message, target, List.of());
    }

    public boolean allowed() {
        return kind == Kind.ALLOWED;
    }

    public boolean blocked() {
        return kind == Kind.BLOCKED;
    }
}
