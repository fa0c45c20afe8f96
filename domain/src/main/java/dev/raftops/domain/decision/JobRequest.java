package dev.raftops.domain.decision;

import dev.raftops.domain.resource.ExecutorAction;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An executor Job to create. The name is deterministic (cluster, action, attempt, target), so a Job
 * that already exists under it is the same work, already started.
 *
 * @param image the executor image; null means the controller's default
 * @param parameters handed to the Job as environment (target pod, backup target, retention, ...)
 * @param activeDeadlineSeconds 0 = none
 */
public record JobRequest(String name, ExecutorAction action, String image, String serviceAccount,
        Map<String, String> parameters, int activeDeadlineSeconds) {

    /** Kubernetes object names are DNS labels for Jobs: at most 63 characters. */
    public static final int MAX_NAME_LENGTH = 63;

    public JobRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("job name longer than " + MAX_NAME_LENGTH + ": " + name);
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(new TreeMap<>(parameters));
    }
}
