package dev.raftops.domain.decision;

import dev.raftops.domain.resource.ClusterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a decision function returns: the actions to perform in order, the status to persist, and
 * when to look again. A decision carries at most one disruptive action, so one pass can never take
 * two voters down.
 */
public record Decision(List<Action> actions, ClusterStatus nextStatus, Wake wake) {

    public Decision {
        actions = List.copyOf(actions);
        Objects.requireNonNull(nextStatus, "nextStatus");
        Objects.requireNonNull(wake, "wake");
        long disruptive = actions.stream().filter(Action::disruptive).count();
        if (disruptive > 1) {
            throw new IllegalArgumentException("a decision may carry at most one disruptive action: " + actions);
        }
    }

    public static Decision of(ClusterStatus nextStatus, Wake wake, Action... actions) {
        return new Decision(List.of(actions), nextStatus, wake);
    }

    /** This decision followed by {@code more} actions. */
    public Decision plus(Action... more) {
        List<Action> all = new ArrayList<>(actions);
        all.addAll(List.of(more));
        return new Decision(all, nextStatus, wake);
    }

    public Decision withStatus(ClusterStatus status) {
        return new Decision(actions, status, wake);
    }

    public boolean hasDisruptiveAction() {
        return actions.stream().anyMatch(Action::disruptive);
    }

    public <T extends Action> List<T> actionsOf(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
