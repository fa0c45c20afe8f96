package dev.raftops.adapters.fabric8;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the executor reported, read from its Job pod: the executor writes one JSON result to
 * {@code /dev/termination-log} (docs/reference/executor.md), which Kubernetes keeps as the
 * container's {@code state.terminated.message}. Only its {@code message} and scalar {@code facts}
 * are kept; a message that is no such JSON is taken as plain text.
 */
final class ExecutorResults {

    /** Set by the Job controller on the pods of a Job (both spellings, old and new). */
    static final List<String> JOB_NAME_LABELS = List.of("batch.kubernetes.io/job-name", "job-name");

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    record Result(String message, Map<String, String> facts) {
    }

    private ExecutorResults() {
    }

    /** Job name → the result its latest terminated pod reported; Jobs without one are absent. */
    static Map<String, Result> of(List<Pod> pods) {
        Map<String, Result> out = new TreeMap<>();
        Map<String, String> newest = new TreeMap<>();
        for (Pod pod : pods) {
            Map<String, String> labels = Fabric8ClusterObserver.orEmpty(pod.getMetadata().getLabels());
            String job = JOB_NAME_LABELS.stream().map(labels::get).filter(v -> v != null).findFirst().orElse(null);
            String text = job == null ? null : terminationMessage(pod);
            String created = String.valueOf(pod.getMetadata().getCreationTimestamp());
            if (text != null && (newest.get(job) == null || created.compareTo(newest.get(job)) >= 0)) {
                newest.put(job, created);
                out.put(job, parse(text));
            }
        }
        return out;
    }

    private static String terminationMessage(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
            if (c.getState() != null && c.getState().getTerminated() != null) {
                String message = c.getState().getTerminated().getMessage();
                if (message != null && !message.isBlank()) {
                    return message.trim();
                }
            }
        }
        return null;
    }

    static Result parse(String text) {
        Object value;
        try {
            value = text.startsWith("{") ? JSON.unmarshal(text, Map.class) : null;
        } catch (RuntimeException e) {
            value = null;
        }
        if (!(value instanceof Map<?, ?> result) || !(result.get("message") instanceof String message)) {
            return new Result(text, Map.of());
        }
        Map<String, String> facts = new TreeMap<>();
        if (result.get("facts") instanceof Map<?, ?> f) {
            f.forEach((k, v) -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    facts.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return new Result(message, facts);
    }
}
