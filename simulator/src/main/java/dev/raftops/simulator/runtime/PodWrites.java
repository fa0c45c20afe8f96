package dev.raftops.simulator.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runtime's writes to pods, StatefulSets and Jobs, as JSON merge patches without a
 * resourceVersion: the runtime owns the fields it patches (status, leader label, lag), so it never
 * needs to win a race against the controller's writes to other fields.
 */
final class PodWrites {

    static final String LEADER = "openbao-active";
    static final String LAG = "raftops.dev/raft-lag";
    static final String VERSION = "raftops.dev/version";
    static final String REVISION_HASH = "controller-revision-hash";
    /** {@code "false"} on a pod that is not a Raft voter, as the adapter reads it. */
    static final String VOTER = "raftops.dev/voter";

    private final KubernetesClient client;
    private final String namespace;
    /**
     * Whether the pods carry the Raft annotations (lag, voter): only for a cluster that reads Raft state
     * from labels. In a real cluster nothing writes them; the API tells what they would.
     */
    java.util.function.BooleanSupplier raftAnnotations = () -> true;

    PodWrites(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Creates a pod of the template at {@code revision}, running {@code image}, Pending and not yet a leader. */
    Pod create(Pod pod, String revision, String image, String version) {
        Map<String, String> labels = new TreeMap<>(pod.getMetadata().getLabels() == null ? Map.of()
                : pod.getMetadata().getLabels());
        labels.put(REVISION_HASH, revision);
        labels.put(LEADER, "false");
        pod.getMetadata().setLabels(labels);
        pod.getMetadata().setNamespace(namespace);
        pod.getMetadata().setAnnotations(new TreeMap<>(raftAnnotations.getAsBoolean() ? Map.of(VERSION, version, LAG,
                "1000") : Map.of(VERSION, version)));
        pod.getSpec().getContainers().get(0).setImage(image);
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Pending").build());
        return client.pods().inNamespace(namespace).resource(pod).create();
    }

    void ready(String pod, Instant now, long lag) {
        readiness(pod, "True", now, lag);
    }

    /** The container restarted: not Ready, far behind the leader's log. */
    void unready(String pod, Instant now) {
        readiness(pod, "False", now, 1000);
    }

    /**
     * Sets the one Ready condition by a JSON patch that replaces the list: the embedded API server
     * merges lists in a JSON merge patch, so a second condition would be appended, not replaced.
     */
    private void readiness(String pod, String ready, Instant now, long lag) {
        Map<String, Object> condition = new TreeMap<>(Map.of("type", "Ready", "status", ready,
                "lastTransitionTime", now.toString()));
        patch(pod, raftAnnotations.getAsBoolean() ? Map.of("metadata", Map.of("annotations", Map.of(LAG,
                String.valueOf(lag))), "status", Map.of("phase", "Running")) : Map.of("status", Map.of("phase", "Running")));
        unlessGone(() -> client.pods().inNamespace(namespace).withName(pod).patch(PatchContext.of(PatchType.JSON),
                json(List.of(Map.of("op", "add", "path", "/status/conditions", "value", List.of(condition))))));
    }

    void lag(String pod, long lag) {
        if (!raftAnnotations.getAsBoolean()) {
            return;
        }
        patch(pod, Map.of("metadata", Map.of("annotations", Map.of(LAG, String.valueOf(lag)))));
    }

    /** Sets the pod's Raft annotations (voter status, lag) as the Raft reports them. */
    void annotate(String pod, Map<String, String> annotations) {
        if (!raftAnnotations.getAsBoolean()) {
            return;
        }
        patch(pod, Map.of("metadata", Map.of("annotations", annotations)));
    }

    void leader(String pod, String leads) {
        patch(pod, Map.of("metadata", Map.of("labels", Map.of(LEADER, leads))));
    }

    void delete(String pod) {
        client.pods().inNamespace(namespace).withName(pod).delete();
    }

    /** Deletes the pods of a deleted StatefulSet, as the garbage collector does. */
    void collect(String statefulSet) {
        client.pods().inNamespace(namespace).withLabel("raftops.dev/statefulset", statefulSet).delete();
    }

    void statefulSetStatus(String statefulSet, Map<String, Object> status) {
        client.apps().statefulSets().inNamespace(namespace).withName(statefulSet)
                .patch(PatchContext.of(PatchType.JSON_MERGE), json(Map.of("status", status)));
    }

    /** Writes a Job's status; false when the Job is gone. */
    boolean jobStatus(String job, Map<String, Object> status) {
        return unlessGone(() -> client.batch().v1().jobs().inNamespace(namespace).withName(job)
                .patch(PatchContext.of(PatchType.JSON_MERGE), json(Map.of("status", status))));
    }

    /** Creates the pod a Job ran in, as it ended (its status included); one already there stays. */
    void jobPod(Pod pod) {
        try {
            client.pods().inNamespace(namespace).resource(pod).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private void patch(String pod, Map<String, Object> patch) {
        unlessGone(() -> client.pods().inNamespace(namespace).withName(pod)
                .patch(PatchContext.of(PatchType.JSON_MERGE), json(patch)));
    }

    /**
     * Runs a write to a pod or Job the runtime plays; false when the object is gone. The runtime
     * learns of a deletion by someone else from a watch, a moment after it happened: a write in
     * between is moot, and must not fail the whole tick (every other cluster's turn).
     */
    private static boolean unlessGone(Runnable write) {
        try {
            write.run();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String json(Object value) {
        return client.getKubernetesSerialization().asJson(value);
    }
}
