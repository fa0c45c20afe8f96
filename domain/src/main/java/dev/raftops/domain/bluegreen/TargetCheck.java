package dev.raftops.domain.bluegreen;

import dev.raftops.domain.version.UpgradePolicy;
import dev.raftops.domain.version.UpgradeValidation;
import dev.raftops.domain.version.UpgradeVerdict;

/**
 * The version policy a blue/green attempt needs before it starts, as the shared
 * {@link UpgradeValidation} decides it, in the shape the attempt start reads.
 */
final class TargetCheck {

    enum Kind { NO_CHANGE, ALLOWED, BLOCKED }

    /** @param target canonical target version, null when it does not parse */
    record Verdict(Kind kind, String reason, String message, String target) {
    }

    private TargetCheck() {
    }

    static Verdict check(String current, String desired, String image, UpgradePolicy policy) {
        if (current == null) {
            return new Verdict(Kind.BLOCKED, "InvalidVersion", "status.currentVersion is not known yet", null);
        }
        UpgradeVerdict v = UpgradeValidation.check(current, desired, image, policy);
        String target = v.target() == null ? null : v.target().toString();
        Kind kind = switch (v.kind()) {
            case NO_CHANGE -> Kind.NO_CHANGE;
            case ALLOWED -> Kind.ALLOWED;
            case BLOCKED -> Kind.BLOCKED;
        };
        return new Verdict(kind, v.reason(), v.message(), target);
    }
}
