package dev.raftops.simulator.run.broken;

import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.version.SemVer;

/**
 * Planted bug: drift is judged by comparing version strings, so {@code 2.9.0} looks newer than
 * {@code 2.10.1}. It feeds the real decision a lower current version whenever the string order
 * says "upgrade" and SemVer does not, and puts the real current version back afterwards.
 */
public final class VersionsComparedAsStrings {

    private VersionsComparedAsStrings() {
    }

    public static Decision decide(DecisionInput in) {
        String current = in.status().currentVersion();
        String desired = in.spec().version();
        if (current == null || desired.compareTo(current) <= 0
                || SemVer.parse(desired).compareTo(SemVer.parse(current)) >= 0) {
            return RollingUpgrade.decide(in);
        }
        String pretended = SemVer.parse(desired).major() + ".0.0";
        Decision d = RollingUpgrade.decide(in.withStatus(in.status().withCurrentVersion(pretended)));
        ClusterStatus next = d.nextStatus();
        return pretended.equals(next.currentVersion()) ? d.withStatus(next.withCurrentVersion(current)) : d;
    }
}
