package dev.raftops.simulator.runtime;

import dev.raftops.simulator.trace.Trace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One RaftCluster's side of the world: its StatefulSets ({@link PlayedStatefulSet}), its executor
 * Jobs ({@link PlayedJobs}), the selector of its client Service and the trace of its status.
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
    private final StatusTrace statusTrace;
    private final Random random;
    private final Supplier<Instant> now;
    private final String cluster;
    private final Map<String, PlayedStatefulSet> sets = new TreeMap<>();
    private final PlayedJobs jobs;
    private final Map<String, String> selectors = new TreeMap<>();
    /** The traffic label traced last, by pod ({@link #labelled}). */
    private final Map<String, String> labels = new java.util.TreeMap<>();
    /** The Raft shared by the colours of a blue/green cluster; null until one appears. */
    private PlayedColours colours;
    /**
     * Whether the RaftCluster reads Raft state from labels ({@code spec.upgrade.raftState}); null until
     * one is seen (a bare StatefulSet, as the runtime's own tests play): its pods then carry the
     * annotations as before.
     */
    private Boolean raftFromLabels;
    /** The OpenBao API its pods serve. */
    final PodApis apis;
    /** The run's faults, read at every use so a heal takes effect at once (set by the runtime). */
    Supplier<RuntimeFaults> faults = RuntimeFaults::none;
    /** Who runs the executor Jobs (null: the runtime plays them on its model), and the lock the runtime ticks under. */
    Supplier<JobPlayer> player = () -> null;
    Object lock = this;

    PlayedCluster(KubernetesClient client, ClusterRuntime.Settings settings, String cluster, Trace trace, Random random,
            Supplier<Instant> now) {
        this.client = client;
        this.settings = settings;
        this.cluster = cluster;
        this.trace = trace;
        this.statusTrace = new StatusTrace(trace);
        this.random = random;
        this.now = now;
        this.apis = new PodApis(trace, () -> lock, this::setOfPod);
        this.jobs = new PlayedJobs(trace, new PodWrites(client, settings.namespace()), settings.readyDelay(), now, sets,
                () -> colours, () -> faults.get(), () -> player.get(), apis);
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
                                    PlayedTemplate.replicas(sts)),
                    settings.readyDelay(), PlayedTemplate.onDelete(sts));
            set.faults = () -> faults.get();
            set.api.raftAnnotations = () -> raftFromLabels == null || raftFromLabels;
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
            // a colour beside a rolling StatefulSet: that one was adopted as Blue, its Raft is the colours' Raft
            PlayedStatefulSet rolling = sets.values().stream().filter(s -> s.raft instanceof RaftGroup).findFirst()
                    .orElse(null);
            colours = rolling != null
                    ? PlayedColours.adopting(rolling.name, (RaftGroup) rolling.raft, random, settings.electionDelay(),
                            settings.readyDelay())
                    : new PlayedColours(trace, random, settings.electionDelay(), settings.readyDelay(),
                            settings.initialLeader());
        }
        return colours;
    }

    /** The RaftCluster reads Raft state from labels ({@code true}) or from the pods' API. */
    void raftStateFromLabels(boolean labels) {
        raftFromLabels = labels;
    }

    /** The played StatefulSet pod {@code pod} ({@code <set>-<ordinal>}) belongs to, or null. */
    PlayedStatefulSet setOfPod(String pod) {
        int dash = pod.lastIndexOf('-');
        return dash <= 0 || !pod.substring(dash + 1).matches("[0-9]{1,9}") ? null : sets.get(pod.substring(0, dash));
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

    /** Traces a pod's traffic label when it is new or changed ({@link PodLabelled}). */
    void labelled(String pod, String revision) {
        if (!revision.equals(labels.put(pod, revision))) {
            trace.write(trace.line("pod.labelled").put("pod", pod).put("revision", revision));
        }
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

    /** Takes a state of one of the cluster's executor Jobs as the watch reported it ({@link PlayedJobs}). */
    void job(Job job) {
        jobs.job(job);
    }

    /** A Job of the cluster was deleted: it no longer runs, and a new Job of that name is another Job. */
    void jobDeleted(String name) {
        jobs.deleted(name);
    }

    /** Finishes the Jobs that have run for the start-up delay. */
    void afterSets() {
        jobs.finishDue();
    }

    /** Stops the executor Jobs still running, then the API the pods serve. */
    void close() {
        jobs.close();
        apis.close();
    }

    /** Records a status line when the RaftCluster's status, as the watch reported it, changed what the trace shows. */
    void status(Map<String, Object> s) {
        statusTrace.status(s);
    }
}
