package dev.raftops.simulator.runtime;

import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.simulator.trace.Trace;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
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
    static final String REVISION = "raftops.dev/revision";

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
    /** The Jobs seen and not yet finished, by name: the state last reported and when the runtime first saw it. */
    private final Map<String, RunningJob> runningJobs = new TreeMap<>();
    private final Set<String> finishedJobs = new TreeSet<>();
    private final Map<String, String> selectors = new TreeMap<>();
    /** The Raft shared by the colours of a blue/green cluster; null until one appears. */
    private PlayedColours colours;
    private String lastStatus;
    private final Map<String, String> lastDecision = new java.util.HashMap<>();
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
        set(sts).observe(sts);
    }

    /**
     * The played set of {@code sts}: a rolling StatefulSet has a Raft group of its own; a blue/green
     * one ({@code OnDelete}, labelled with a revision) a view of the one Raft its cluster's colours share.
     */
    private PlayedStatefulSet set(StatefulSet sts) {
        return sets.computeIfAbsent(sts.getMetadata().getName(), n -> {
            PlayedStatefulSet set = new PlayedStatefulSet(client, settings.namespace(), n, trace,
                    colour(sts) ? colours().colour(n, joins(sts))
                            : new RaftGroup(trace, random, settings.electionDelay(), settings.initialLeader(), n,
                                    PlayedStatefulSet.replicas(sts)),
                    settings.readyDelay());
            set.faults = () -> faults.get();
            return set;
        });
    }

    private static boolean colour(StatefulSet sts) {
        return "OnDelete".equals(sts.getSpec().getUpdateStrategy() == null ? null
                : sts.getSpec().getUpdateStrategy().getType()) && sts.getMetadata().getLabels() != null
                && sts.getMetadata().getLabels().containsKey(REVISION);
    }

    private static boolean joins(StatefulSet sts) {
        return sts.getMetadata().getAnnotations() != null
                && sts.getMetadata().getAnnotations().containsKey("raftops.dev/join-revision");
    }

    private PlayedColours colours() {
        if (colours == null) {
            colours = new PlayedColours(trace, random, settings.electionDelay(), settings.readyDelay(),
                    settings.initialLeader());
        }
        return colours;
    }

    /** A StatefulSet of the cluster was deleted: its pods go (garbage collection). */
    void deleted(String statefulSet) {
        PlayedStatefulSet set = sets.remove(statefulSet);
        if (set != null) {
            set.collected();
        }
    }

    /** Traces a client Service's selector when the revision it selects changed (null: every pod of the cluster). */
    void service(Service service) {
        Map<String, String> labels = service.getMetadata().getLabels();
        if (labels == null || !"client".equals(labels.get("raftops.dev/service"))) {
            return;
        }
        Map<String, String> selector = service.getSpec() == null || service.getSpec().getSelector() == null
                ? Map.of() : service.getSpec().getSelector();
        String revision = selector.get(REVISION);
        String name = service.getMetadata().getName();
        if (selectors.containsKey(name) && java.util.Objects.equals(selectors.get(name), revision)) {
            return;
        }
        selectors.put(name, revision);
        trace.write(trace.line("service.selector").put("service", name).put("revision", revision));
    }

    void play(StatefulSet sts) {
        set(sts).play(sts, now.get());
    }

    /**
     * A pod of the cluster was deleted by someone else (reported by the watch), {@code cause} naming
     * who ({@link PodDeleters}): the played set drops it if it is the one it plays.
     */
    void podDeleted(String pod, String uid, String cause) {
        int dash = pod.lastIndexOf('-');
        PlayedStatefulSet set = dash < 0 ? null : sets.get(pod.substring(0, dash));
        if (set != null && pod.substring(dash + 1).matches("[0-9]{1,9}")) {
            set.vanished(Integer.parseInt(pod.substring(dash + 1)), uid, cause);
        }
    }

    /** The StatefulSet {@code name} as played, or null when it was never seen. */
    PlayedStatefulSet playedSet(String name) {
        return sets.get(name);
    }

    private record RunningJob(Job job, Instant since) {
    }

    /**
     * Takes a state of one of the cluster's executor Jobs as the watch reported it: a new Job
     * starts running; one ended by someone else is traced as finished.
     */
    void job(Job job) {
        String name = job.getMetadata().getName();
        String action = action(job);
        if (finishedJobs.contains(name)) {
            return; // the runtime's own finish reported back, or a later change to a finished Job
        }
        RunningJob running = runningJobs.get(name);
        if (terminal(job)) {
            // ended by someone else (a failed executor pod, a test), perhaps before it was seen: it did nothing
            if (runningJobs.remove(name) == null) {
                trace.write(trace.line("job.created").put("job", name).put("action", action));
            }
            finishedJobs.add(name);
            trace.write(trace.line("job.finished").put("job", name).put("action", action)
                    .put("result", job.getStatus().getConditions().stream().anyMatch(c -> "Failed".equals(
                            c.getType()) && "True".equals(c.getStatus())) ? "failed" : "succeeded"));
        } else if (running == null) {
            runningJobs.put(name, new RunningJob(job, now.get()));
            trace.write(trace.line("job.created").put("job", name).put("action", action));
        } else {
            runningJobs.put(name, new RunningJob(job, running.since()));
        }
    }

    /** A Job of the cluster was deleted: it no longer runs, and a new Job of that name is another Job. */
    void jobDeleted(String name) {
        runningJobs.remove(name);
        finishedJobs.remove(name);
    }

    /** Finishes the Jobs that have run for the start-up delay. */
    void afterSets() {
        Instant at = now.get();
        for (RunningJob running : List.copyOf(runningJobs.values())) {
            if (!at.isBefore(running.since().plus(settings.readyDelay()))) {
                finish(running.job(), action(running.job()), at);
            }
        }
    }

    private static String action(Job job) {
        return job.getMetadata().getLabels().get("raftops.dev/action");
    }

    private void finish(Job job, String action, Instant at) {
        String failure = injectedFailure(action);
        boolean injected = failure != null;
        if (!injected && "step-down".equals(action)) {
            failure = stepDown(env(job, "RAFTOPS_TARGET_POD"));
        } else if (!injected && colours != null && action != null) {
            failure = colourJob(job, action, at);
            if (WAITING.equals(failure)) {
                return; // wait-synced keeps running until Green has caught up (or its patience ends)
            }
        }
        Map<String, Object> condition = new TreeMap<>(Map.of("type", failure == null ? "Complete" : "Failed",
                "status", "True", "lastTransitionTime", at.toString()));
        Map<String, Object> status = new TreeMap<>(Map.of("startTime", runningJobs.get(job.getMetadata().getName())
                .since().toString(), "conditions", List.of(condition)));
        if (failure == null) {
            status.put("succeeded", 1);
            status.put("completionTime", at.toString());
        } else {
            condition.put("reason", injected ? "BackoffLimitExceeded"
                    : "step-down".equals(action) ? "StepDownFailed" : "ExecutorFailed");
            condition.put("message", failure);
            status.put("failed", 1);
        }
        boolean written = api.jobStatus(job.getMetadata().getName(), status);
        runningJobs.remove(job.getMetadata().getName());
        if (!written) {
            return; // deleted meanwhile: nobody reads its result; the watch reports the deletion
        }
        finishedJobs.add(job.getMetadata().getName());
        trace.write(trace.line("job.finished").put("job", job.getMetadata().getName()).put("action", action)
                .put("result", failure == null ? "succeeded" : "failed"));
    }

    private static final String WAITING = "";

    /** A blue/green Job acts on the colours' Raft ({@code ExecutorEffects}); its failure, null, or {@link #WAITING}. */
    private String colourJob(Job job, String action, Instant at) {
        ExecutorAction executor;
        try {
            executor = ExecutorAction.fromWire(action);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        String green = env(job, "RAFTOPS_GREEN_STATEFUL_SET");
        SortedMap<String, Boolean> greenPods = new TreeMap<>();
        PlayedStatefulSet set = green == null ? null : sets.get(green);
        if (set != null) {
            java.util.SortedSet<Integer> ready = set.ready();
            set.ordinals().forEach(o -> greenPods.put(green + "-" + o, ready.contains(o)));
        }
        boolean patient = at.isBefore(runningJobs.get(job.getMetadata().getName()).since().plus(SYNC_PATIENCE));
        if (executor == ExecutorAction.WAIT_SYNCED) {
            String max = env(job, "RAFTOPS_MAX_LAG_ENTRIES");
            if (colours.synced(greenPods, max == null ? 100 : Long.parseLong(max))) {
                return null;
            }
            return patient ? WAITING : "Green did not catch up within " + SYNC_PATIENCE;
        }
        var effect = colours.act(executor, env(job, "RAFTOPS_BLUE_STATEFUL_SET"), green, greenPods, null);
        return effect.waits() && patient ? WAITING : effect.failure();
    }

    /** How long a wait-synced Job waits for Green to catch up (or a Job for a Ready voter to lead) before it fails. */
    static final java.time.Duration SYNC_PATIENCE = java.time.Duration.ofSeconds(30);

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
        if (colours != null && set.raft instanceof ColourRaft) {
            return colours.act(ExecutorAction.STEP_DOWN, null, null, new TreeMap<>(), target).failure();
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
        decisions(s);
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

    /** A {@code decision} line for each condition whose status, reason or message changed: what the controller decided and why. */
    @SuppressWarnings("unchecked")
    private void decisions(Map<String, Object> s) {
        if (!(s.get("conditions") instanceof List<?> conditions)) {
            return;
        }
        for (Object c : conditions) {
            if (!(c instanceof Map<?, ?> condition) || !(condition.get("type") instanceof String type)) {
                continue;
            }
            String said = condition.get("status") + "|" + condition.get("reason") + "|" + condition.get("message");
            if (!said.equals(lastDecision.put(type, said))) {
                trace.write(trace.line("decision").put("condition", type).put("status", str(condition.get("status")))
                        .put("reason", str(condition.get("reason"))).put("message", str(condition.get("message"))));
            }
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> status, String object, String field) {
        Object inner = status.get(object);
        return inner instanceof Map ? ((Map<String, Object>) inner).get(field) : null;
    }
}
