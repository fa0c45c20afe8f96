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
import java.util.List;

/** Planted bug: where the real decision would ask the leader to step down, this one releases it at once. */
public final class RestartLeaderWithoutStepDown {

    private RestartLeaderWithoutStepDown() {
    }

    public static Decision decide(DecisionInput in) {
        Decision d = RollingUpgrade.decide(in);
        String pod = d.actionsOf(Action.CreateJob.class).stream()
                .filter(j -> j.job().action() == ExecutorAction.STEP_DOWN)
                .map(j -> j.job().parameters().get("RAFTOPS_TARGET_POD")).findFirst().orElse(null);
        RollingProgress progress = d.nextStatus().upgrade();
        StatefulSetView sts = in.observation().statefulSet(in.statefulSetName()).orElse(null);
        if (pod == null || progress == null || sts == null) {
            return d;
        }
        // release the pod the real decision asks to step down; a finished ordinal before it (which the real
        // step-down leaves to its release to record) is recorded here
        int target = Integer.parseInt(pod.substring(pod.lastIndexOf('-') + 1));
        RollingProgress released = progress.targetOrdinal() == target ? progress
                : progress.completed(progress.targetOrdinal(), List.of());
        return Decision.of(d.nextStatus().withUpgrade(released.withStepDown(null).withReleasedAt(in.now())),
                Wake.onEvent(Duration.ofSeconds(5), "released"),
                new Action.SetPartition(sts.name(), target, sts.resourceVersion()));
    }
}
