package dev.raftops.simulator.run.broken;

import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RollingUpgrade;
import java.time.Duration;

/** Planted bug: where the real decision would ask the leader to step down, this one releases it at once. */
public final class RestartLeaderWithoutStepDown {

    private RestartLeaderWithoutStepDown() {
    }

    public static Decision decide(DecisionInput in) {
        Decision d = RollingUpgrade.decide(in);
        boolean stepDown = d.actionsOf(Action.CreateJob.class).stream()
                .anyMatch(j -> j.job().action() == ExecutorAction.STEP_DOWN);
        // the real decision may record a finished ordinal and ask for a step-down in one pass: release what it targets
        RollingProgress progress = d.nextStatus().upgrade();
        StatefulSetView sts = in.observation().statefulSet(in.statefulSetName()).orElse(null);
        if (!stepDown || progress == null || sts == null) {
            return d;
        }
        return Decision.of(d.nextStatus().withUpgrade(progress.withStepDown(null).withReleasedAt(in.now())),
                Wake.onEvent(Duration.ofSeconds(5), "released"),
                new Action.SetPartition(sts.name(), progress.targetOrdinal(), sts.resourceVersion()));
    }
}
