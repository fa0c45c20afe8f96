package dev.raftops.simulator.run.broken;

import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RollingUpgrade;
import java.time.Duration;

/**
 * Planted bug: once an ordinal is released it counts as done at once, and the next one is released
 * without waiting for the first to come back Ready.
 */
public final class ReleaseWithoutWaitingForReady {

    private ReleaseWithoutWaitingForReady() {
    }

    public static Decision decide(DecisionInput in) {
        Decision d = RollingUpgrade.decide(in);
        RollingProgress progress = d.nextStatus().upgrade();
        StatefulSetView sts = in.observation().statefulSet(in.statefulSetName()).orElse(null);
        if (progress == null || sts == null || d.hasDisruptiveAction() || progress.releasedAt() == null
                || sts.effectivePartition() != progress.targetOrdinal() || progress.targetOrdinal() < 1) {
            return d;
        }
        int next = progress.targetOrdinal() - 1;
        RollingProgress skipped = progress.completed(progress.targetOrdinal(), progress.plan()).withReleasedAt(in.now());
        return Decision.of(d.nextStatus().withUpgrade(skipped), Wake.after(Duration.ofSeconds(1), "next"),
                new Action.SetPartition(sts.name(), next, sts.resourceVersion()));
    }
}
