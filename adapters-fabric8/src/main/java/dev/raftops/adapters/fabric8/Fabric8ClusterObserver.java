package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.resource.WorkloadSpec;
import dev.raftops.ports.driven.ClusterObserver;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link ClusterObserver} by direct reads: pods, executor Jobs and client Services first, the
 * StatefulSets last. The reads are not one snapshot (the API has none across kinds); every write the
 * decision then makes carries a precondition, so a read that raced a change fails safe as a conflict.
 * The StatefulSets come last because the partition patch carries their resourceVersion: the StatefulSet
 * controller rewrites their status right after a pod turns Ready, and the later they are read, the
 * fewer of those rewrites land between the read and the patch.
 */
record Fabric8ClusterObserver(KubernetesClient client, AdapterSettings settings) implements ClusterObserver {

    @Override
    public ClusterObservation observe(ClusterKey cluster) {
        return observe(cluster, WorkloadSpec.rendered());
    }

    /**
     * An adopted StatefulSet is read by its name and its pods by its own selector (the OpenBao chart's
     * pods carry the chart's labels, not raftops's); a rendered one by the cluster label.
     */
    @Override
    public ClusterObservation observe(ClusterKey cluster, WorkloadSpec workload) {
        List<Pod> listed = new ArrayList<>(client.pods().inNamespace(cluster.namespace())
                .withLabel(Labels.CLUSTER, cluster.name()).list().getItems());
        StatefulSet adopted = workload.adopted() ? client.apps().statefulSets().inNamespace(cluster.namespace())
                .withName(workload.statefulSetRef()).get() : null;
        Map<String, String> selector = adopted == null || adopted.getSpec().getSelector() == null ? null
                : adopted.getSpec().getSelector().getMatchLabels();
        if (selector != null && !selector.isEmpty()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            listed.forEach(p -> seen.add(p.getMetadata().getName()));
            client.pods().inNamespace(cluster.namespace()).withLabels(selector).list().getItems().stream()
                    .filter(p -> seen.add(p.getMetadata().getName())).forEach(listed::add);
        }
        SortedMap<String, JobView> jobs = new TreeMap<>();
        // the executor pods carry the cluster label too: their termination messages are the Jobs' results
        Map<String, ExecutorResults.Result> results = ExecutorResults.of(listed);
        for (Job job : client.batch().v1().jobs().inNamespace(cluster.namespace()).withLabels(Labels.selector(cluster))
                .list().getItems()) {
            jobs.put(job.getMetadata().getName(), jobView(job, results.get(job.getMetadata().getName())));
        }
        SortedMap<String, String> selectors = serviceSelectors(cluster);
        SortedMap<String, StatefulSetView> sets = statefulSets(cluster);
        if (adopted != null) {
            // read last, as the others are: the image patch carries its resourceVersion
            StatefulSet fresh = client.apps().statefulSets().inNamespace(cluster.namespace())
                    .withName(workload.statefulSetRef()).get();
            if (fresh != null) {
                sets.put(fresh.getMetadata().getName(), WorkloadViews.statefulSet(fresh));
            }
        }
        List<PodView> pods = new ArrayList<>();
        for (Pod pod : listed) {
            podView(pod, owners(cluster, sets.keySet(), pod)).ifPresent(pods::add);
        }
        return new ClusterObservation(sets, pods, jobs, selectors);
    }

    /**
     * The cluster's StatefulSets by label, in one read; the main one by name only when the list lacks
     * it (a StatefulSet made before raftops managed it need not carry the cluster label).
     */
    private SortedMap<String, StatefulSetView> statefulSets(ClusterKey cluster) {
        SortedMap<String, StatefulSetView> sets = new TreeMap<>();
        for (StatefulSet sts : client.apps().statefulSets().inNamespace(cluster.namespace())
                .withLabel(Labels.CLUSTER, cluster.name()).list().getItems()) {
            sets.put(sts.getMetadata().getName(), WorkloadViews.statefulSet(sts));
        }
        if (!sets.containsKey(cluster.name())) {
            StatefulSet main = client.apps().statefulSets().inNamespace(cluster.namespace()).withName(cluster.name()).get();
            if (main != null) {
                sets.put(cluster.name(), WorkloadViews.statefulSet(main));
            }
        }
        return sets;
    }

    /** Client Service name → the revision its selector picks; Services selecting no revision are left out. */
    private SortedMap<String, String> serviceSelectors(ClusterKey cluster) {
        SortedMap<String, String> selectors = new TreeMap<>();
        for (Service svc : client.services().inNamespace(cluster.namespace()).withLabel(Labels.CLUSTER, cluster.name())
                .withLabel(Labels.SERVICE_ROLE, WorkloadRendering.CLIENT_ROLE).list().getItems()) {
            Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
            if (selector != null && selector.get(Labels.REVISION) != null) {
                selectors.put(svc.getMetadata().getName(), selector.get(Labels.REVISION));
            }
        }
        return selectors;
    }

    /**
     * The StatefulSets a pod may belong to: the live ones, and for a pod of a blue/green colour
     * ({@code <cluster>-<revision>}) also a deleted one, since its pods outlive it until the garbage
     * collector removes them: blue/green waits for them to be gone before it finishes.
     */
    private static java.util.Set<String> owners(ClusterKey cluster, java.util.Set<String> live, Pod pod) {
        String name = pod.getMetadata().getName();
        int dash = name.lastIndexOf('-');
        String owner = dash <= 0 ? null : name.substring(0, dash);
        if (owner == null || live.contains(owner) || Revision.fromStatefulSet(cluster.name(), owner) == null) {
            return live;
        }
        java.util.Set<String> withColour = new java.util.TreeSet<>(live);
        withColour.add(owner);
        return withColour;
    }

    private Optional<PodView> podView(Pod pod, java.util.Set<String> statefulSets) {
        String name = pod.getMetadata().getName();
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || !name.substring(dash + 1).matches("[0-9]{1,9}")) {
            return Optional.empty(); // not a StatefulSet pod
        }
        String owner = name.substring(0, dash);
        if (!statefulSets.contains(owner)) {
            return Optional.empty();
        }
        Map<String, String> labels = orEmpty(pod.getMetadata().getLabels());
        Map<String, String> annotations = orEmpty(pod.getMetadata().getAnnotations());
        String image = pod.getSpec() == null || pod.getSpec().getContainers().isEmpty() ? null
                : pod.getSpec().getContainers().get(0).getImage();
        String version = annotations.getOrDefault(Labels.VERSION, labels.get(Labels.VERSION));
        return Optional.of(new PodView(name, owner, Integer.parseInt(name.substring(dash + 1)),
                pod.getMetadata().getUid(), labels.get(Labels.REVISION_HASH), image, version, ready(pod),
                pod.getMetadata().getDeletionTimestamp() != null, restarts(pod), leadership(labels.get(settings.leaderLabel())),
                lag(annotations.get(settings.lagAnnotation())), !"false".equals(annotations.get(Labels.VOTER)), annotations,
                pod.getMetadata().getResourceVersion(), null, labels.get(Labels.REVISION)));
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static int restarts(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
    }

    static Leadership leadership(String value) {
        if ("true".equals(value)) {
            return Leadership.LEADER;
        }
        return "false".equals(value) ? Leadership.FOLLOWER : Leadership.UNKNOWN;
    }

    /** The reported lag, or null when absent or not a non-negative number (unknown, never zero). */
    static Long lag(String value) {
        if (value == null || !value.trim().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(value.trim());
    }

    static JobView jobView(Job job) {
        return jobView(job, null);
    }

    /** The Job as observed; {@code reported} (the executor's result, or null) names what happened. */
    static JobView jobView(Job job, ExecutorResults.Result reported) {
        Map<String, String> labels = orEmpty(job.getMetadata().getLabels());
        JobResult result = JobResult.RUNNING;
        Instant finishedAt = null;
        String message = null;
        List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null ? List.of()
                : job.getStatus().getConditions();
        for (JobCondition c : conditions) {
            if ("True".equals(c.getStatus()) && ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))) {
                result = "Complete".equals(c.getType()) ? JobResult.SUCCEEDED : JobResult.FAILED;
                finishedAt = time(c.getLastTransitionTime());
                message = result == JobResult.FAILED ? join(c.getReason(), c.getMessage()) : null;
            }
        }
        if (result == JobResult.RUNNING && job.getStatus() != null) {
            // older API servers report counts before (or without) the terminal condition
            if (job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() > 0) {
                result = JobResult.SUCCEEDED;
            } else if (job.getStatus().getFailed() != null && job.getStatus().getFailed() > 0) {
                result = JobResult.FAILED;
                message = "the executor pod failed";
            }
        }
        if (finishedAt == null && result != JobResult.RUNNING && job.getStatus() != null) {
            finishedAt = time(job.getStatus().getCompletionTime());
        }
        if (reported != null && result != JobResult.RUNNING) {
            // the executor's own words beat the Job controller's ("BackoffLimitExceeded")
            message = reported.message();
        }
        return new JobView(job.getMetadata().getName(), labels.get(Labels.ACTION), result,
                time(job.getMetadata().getCreationTimestamp()), finishedAt, message,
                reported == null || result == JobResult.RUNNING ? null : reported.facts());
    }

    private static String join(String reason, String message) {
        if (message == null || message.isBlank()) {
            return reason;
        }
        return reason == null ? message : reason + ": " + message;
    }

    static Instant time(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
