package dev.raftops.simulator.runtime;

import dev.raftops.simulator.Trace;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One RaftCluster's side of the world: its StatefulSets ({@link PlayedStatefulSet}), its executor
 * Jobs (finished after the start-up delay: a step-down moves leadership off its target pod, every
 * other action succeeds) and the trace of its status.
 */
final class PlayedCluster {

    /** The RaftCluster resource (the simulator does not depend on the fabric8 adapters' CRD classes). */
    static final ResourceDefinitionContext RAFT_CLUSTER = new ResourceDefinitionContext.Builder()
            .withGroup("raftops.dev").withVersion("v1alpha1").withKind("RaftCluster").withPlural("raftclusters")
            .withNamespaced(true).build();

    private final KubernetesClient client;
    private final ClusterRuntime.Settings settings;
    private final Trace trace;
    private final Random random;
    private final Supplier<Instant> now;
    private final String cluster;
    private final PodWrites api;
    private final Map<String, PlayedStatefulSet> sets = new TreeMap<>();
    private final Map<String, Instant> runningJobs = new TreeMap<>();
    private final Set<String> finishedJobs = new TreeSet<>();
    private String lastStatus;
    /** The run's faults, read at every use so a heal takes effect at once (set by the runtime). */
    Supplier<RuntimeFaults> faults = RuntimeFaults::none;
    /** Jobs failed by the fault so far, per action. */
    private final Map<String, Integer> failedJobs = new TreeMap<>();

    PlayedCluster(KubernetesClient client, ClusterRuntime.Settings settings, String cluster, Trace trace, Random random,
            Supplier<Instant> now) {
        this.client = client;
        this.settings = settings;
        this.cluster = cluster;
        this.trace = trace;
        this.random = random;
        this.now = now;
        this.api = new PodWrites(client, settings.namespace());
    }

    /** Takes a state of one of the cluster's StatefulSets as the watch reported it. */
    void observe(StatefulSet sts) {
        set(sts.getMetadata().getName()).observe(sts);
    }

    private PlayedStatefulSet set(String name) {
        return sets.computeIfAbsent(name, n -> {
            PlayedStatefulSet set = new PlayedStatefulSet(client, settings.namespace(), n, trace,
                    new RaftGroup(trace, random, settings.electionDelay(), settings.initialLeader()),
                    settings.readyDelay());
            set.faults = () -> faults.get();
            return set;
        });
    }

    void play(StatefulSet sts) {
        String name = sts.getMetadata().getName();
        PlayedStatefulSet set = set(name);
        Map<Integer, Pod> live = new TreeMap<>();
        for (Pod pod : client.pods().inNamespace(settings.namespace()).withLabel(ClusterRuntime.CLUSTER, cluster).list()
                .getItems()) {
            String podName = pod.getMetadata().getName();
            String suffix = podName.startsWith(name + "-") ? podName.substring(name.length() + 1) : "";
            if (suffix.matches("[0-9]{1,9}")) {
                live.put(Integer.parseInt(suffix), pod);
            }
        }
        set.play(sts, live, now.get());
    }

    /** The StatefulSet {@code name} as played, or null when it was never seen. */
    PlayedStatefulSet playedSet(String name) {
        return sets.get(name);
    }

    /** Finishes due executor Jobs. */
    void afterSets() {
        Instant at = now.get();
        for (Job job : client.batch().v1().jobs().inNamespace(settings.namespace())
                .withLabel(ClusterRuntime.CLUSTER, cluster).list().getItems()) {
            String name = job.getMetadata().getName();
            if (finishedJobs.contains(name) || terminal(job)) {
                continue;
            }
            String action = job.getMetadata().getLabels().get("raftops.dev/action");
            Instant seen = runningJobs.get(name);
            if (seen == null) {
                runningJobs.put(name, at);
                trace.write(trace.line("job.created").put("job", name).put("action", action));
            } else if (!at.isBefore(seen.plus(settings.readyDelay()))) {
                finish(job, action, at);
            }
        }
    }

    private void finish(Job job, String action, Instant at) {
        String failure = injectedFailure(action);
        boolean injected = failure != null;
        if (!injected && "step-down".equals(action)) {
            failure = stepDown(env(job, "RAFTOPS_TARGET_POD"));
        }
        Map<String, Object> condition = new TreeMap<>(Map.of("type", failure == null ? "Complete" : "Failed",
                "status", "True", "lastTransitionTime", at.toString()));
        Map<String, Object> status = new TreeMap<>(Map.of("startTime", runningJobs.get(job.getMetadata().getName())
                .toString(), "conditions", List.of(condition)));
        if (failure == null) {
            status.put("succeeded", 1);
            status.put("completionTime", at.toString());
        } else {
            condition.put("reason", injected ? "BackoffLimitExceeded" : "StepDownFailed");
            condition.put("message", failure);
            status.put("failed", 1);
        }
        api.jobStatus(job.getMetadata().getName(), status);
        finishedJobs.add(job.getMetadata().getName());
        runningJobs.remove(job.getMetadata().getName());
        trace.write(trace.line("job.finished").put("job", job.getMetadata().getName()).put("action", action)
                .put("result", failure == null ? "succeeded" : "failed"));
    }

    /** The failure the {@code job-fail} fault makes of this Job of {@code action}, or null. */
    private String injectedFailure(String action) {
        int failed = failedJobs.getOrDefault(action, 0);
        if (failed >= faults.get().failingJobs(action)) {
            return null;
        }
        failedJobs.put(action, failed + 1);
        trace.write(trace.line("fault").put("fault", "job-fail").put("action", action).put("failure", failed + 1));
        return "injected fault job-fail@" + action;
    }

    /** Moves leadership off {@code target} if it still leads; the reason it could not, or null. */
    private String stepDown(String target) {
        if (target == null) {
            return null;
        }
        int dash = target.lastIndexOf('-');
        PlayedStatefulSet set = sets.get(target.substring(0, Math.max(dash, 0)));
        if (set == null || !target.substring(dash + 1).matches("[0-9]{1,9}")) {
            return null; // the target is gone: it no longer leads
        }
        int ordinal = Integer.parseInt(target.substring(dash + 1));
        if (!set.raft.leads(ordinal)) {
            return null;
        }
        if (set.raft.transfer(set.ready(), set.name)) {
            set.relabel(); // the labels move before the Job reports success, as the workload's own would
            return null;
        }
        return "no other Ready voter to take over from " + target;
    }

    private static String env(Job job, String name) {
        for (EnvVar var : job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (name.equals(var.getName())) {
                return var.getValue();
            }
        }
        return null;
    }

    private static boolean terminal(Job job) {
        return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
                .stream().anyMatch(c -> "True".equals(c.getStatus())
                        && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
    }

    /** Records a status line when the RaftCluster's status, as the watch reported it, changed what the trace shows. */
    @SuppressWarnings("unchecked")
    void status(Map<String, Object> s) {
        Object partition = field(s, "upgrade", "currentPartition");
        Object lock = field(s, "operationLock", "operation");
        Object blueGreen = field(s, "blueGreen", "phase");
        Object failure = field(s, "upgrade", "failure") instanceof Map ? field((Map<String, Object>) s.get("upgrade"),
                "failure", "reason") : null;
        boolean breakGlass = Boolean.TRUE.equals(field(s, "breakGlass", "active"));
        String summary = s.get("phase") + "|" + s.get("currentVersion") + "|" + partition + "|" + lock + "|"
                + blueGreen + "|" + breakGlass + "|" + failure;
        if (summary.equals(lastStatus)) {
            return;
        }
        lastStatus = summary;
        trace.write(trace.line("status").put("phase", (String) s.get("phase"))
                .put("currentVersion", (String) s.get("currentVersion")).put("partition", (Number) partition)
                .put("lock", (String) lock).put("blueGreenPhase", (String) blueGreen).put("breakGlass", breakGlass)
                .put("failure", (String) failure));
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> status, String object, String field) {
        Object inner = status.get(object);
        return inner instanceof Map ? ((Map<String, Object>) inner).get(field) : null;
    }
}
