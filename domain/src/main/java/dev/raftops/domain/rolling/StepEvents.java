package dev.raftops.domain.rolling;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.ExecutorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * One Normal Event per step of a roll: a pod's completion is told in the Event of the step that
 * follows it (its release, or the finish), and a step-down is told with the release it precedes.
 */
final class StepEvents {

    private StepEvents() {
    }

    /** Whether {@code then} asks for a step-down (its Job), which writes no status and tells nothing yet. */
    static boolean stepDownAsked(Decision then) {
        return then.actionsOf(Action.CreateJob.class).stream().anyMatch(c -> c.job().action() == ExecutorAction.STEP_DOWN);
    }

    /**
     * {@code then} with the completion told in its first Normal Event (one Event per step), or in
     * {@code upgraded} of its own when the next step emits none (it waits).
     */
    static Decision toldWith(Decision then, ClusterEvent upgraded) {
        Decision folded = foldedInto(then, upgraded);
        if (folded != then) {
            return folded;
        }
        List<Action> actions = new ArrayList<>(then.actions());
        actions.add(0, new Action.Emit(upgraded));
        return new Decision(actions, then.nextStatus(), then.wake());
    }

    /** {@code then} with {@code upgraded} told in its first Normal Event; {@code then} itself when it has none. */
    static Decision foldedInto(Decision then, ClusterEvent upgraded) {
        List<Action> actions = new ArrayList<>(then.actions());
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof Action.Emit emit && emit.event().type() == ClusterEvent.Type.Normal) {
                ClusterEvent event = emit.event();
                actions.set(i, new Action.Emit(new ClusterEvent(event.type(), event.reason(),
                        upgraded.message() + "; " + event.message(), event.audit())));
                return new Decision(actions, then.nextStatus(), then.wake());
            }
        }
        return then;
    }
}
