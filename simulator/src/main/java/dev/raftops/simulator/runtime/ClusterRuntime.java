package dev.raftops.simulator.runtime;

import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import dev.raftops.simulator.trace.TraceLine;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster side of a real-time run against a Kubernetes API: for every StatefulSet raftops
 * manages in one namespace it plays the StatefulSet controller, the kubelet, the Raft group inside
 * the pods and the executor Jobs ({@link PlayedCluster}). One scheduled thread ticks it, so the
 * model stays single-threaded like {@code SimWorld}; the leader is chosen by a seeded random.
 */
public final class ClusterRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRuntime.class);
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String CLUSTER = "raftops.dev/cluster";

    /**
     * How the runtime behaves.
     *
     * @param readyDelay how long a new pod takes to become Ready (and a Job to finish)
     * @param electionDelay the least time a leaderless group takes to elect (at most twice that)
     * @param initialLeader the ordinal to win the first election, or null for a seeded choice
     * @param trace where to write the JSON Lines trace, or null for none
     */
    public record Settings(String namespace, long seed, Duration tick, Duration readyDelay, Duration electionDelay,
            Integer initialLeader, Path trace) {
        public Settings {
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    private final KubernetesClient client;
    private final Settings settings;
    private final Clock wall;
    private final SimClock clock;
    private final Random random;
    private final Map<String, PlayedCluster> clusters = new TreeMap<>();
    private final BufferedWriter traceOut;
    private final WatchedChanges changes = new WatchedChanges();
    /** The managed StatefulSets as the watch last reported them, and their resourceVersions. */
    private final Map<String, StatefulSet> sets = new TreeMap<>();
    private final Map<String, Long> seen = new TreeMap<>();
    private ScheduledExecutorService ticker;
    private volatile RuntimeFaults faults = RuntimeFaults.none();
    private final PodDeleters deleters = new PodDeleters();

    public ClusterRuntime(KubernetesClient client, Settings settings, Clock wall) {
        this.client = client;
        this.settings = settings;
        this.wall = wall;
        this.clock = new SimClock(wall.instant());
        this.random = new Random(settings.seed());
        try {
            this.traceOut = settings.trace() == null ? null : Files.newBufferedWriter(settings.trace());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts watching the namespace and ticking on its own thread. */
    public synchronized void start() {
        changes.open(client, settings.namespace());
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-runtime");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the API may refuse one write (a conflict with the controller); the next tick retries
            LOG.debug("runtime tick failed: {}", e.toString());
        }
    }

    /**
     * One step: the changes watched since the last step are traced in the order they happened (a
     * pod deleted by someone else is dropped, a new Job starts running), then every managed
     * StatefulSet of the namespace is played once as the watch last reported it, then due Jobs
     * finish. The runtime reads nothing per cluster: it holds its pods and Jobs itself.
     */
    public synchronized void tick() {
        clock.advanceTo(wall.instant());
        absorbChanges(false);
        for (StatefulSet sts : sets.values()) {
            played(sts.getMetadata().getLabels().get(CLUSTER)).play(sts);
        }
        for (PlayedCluster cluster : clusters.values()) {
            cluster.afterSets();
        }
        flush();
    }

    /** Traces the watched changes that can be ordered now ({@code everything}: all reported so far). */
    private void absorbChanges(boolean everything) {
        for (WatchedChanges.Change change : changes.drain(everything)) {
            if (change instanceof WatchedChanges.SetChanged c) {
                StatefulSet sts = c.statefulSet();
                String name = sts.getMetadata().getName();
                String cluster = sts.getMetadata().getLabels() == null ? null
                        : sts.getMetadata().getLabels().get(CLUSTER);
                long version = WatchedChanges.resourceVersion(sts);
                if (version < seen.getOrDefault("sts/" + name, Long.MIN_VALUE)) {
                    continue; // older than the state already taken
                }
                seen.put("sts/" + name, version);
                if (cluster == null) {
                    continue; // not a cluster's
                }
                sets.put(name, sts);
                played(cluster).observe(sts);
            } else if (change instanceof WatchedChanges.SetDeleted d) {
                StatefulSet gone = sets.remove(d.name());
                String cluster = gone == null || gone.getMetadata().getLabels() == null ? null
                        : gone.getMetadata().getLabels().get(CLUSTER);
                if (cluster != null) {
                    played(cluster).deleted(d.name());
                }
            } else if (change instanceof WatchedChanges.ServiceChanged c) {
                service(c.service());
            } else if (change instanceof WatchedChanges.PodDeleted d) {
                if (d.cluster() != null && clusters.containsKey(d.cluster())) {
                    clusters.get(d.cluster()).podDeleted(d.name(), d.uid(), deleters.causeOf(d.name()));
                } else {
                    deleters.causeOf(d.name());
                }
            } else if (change instanceof WatchedChanges.JobChanged c) {
                job(c.job());
            } else if (change instanceof WatchedChanges.JobDeleted d) {
                if (d.cluster() != null && clusters.containsKey(d.cluster())) {
                    clusters.get(d.cluster()).jobDeleted(d.name());
                }
            } else if (change instanceof WatchedChanges.StatusChanged s) {
                if (s.resourceVersion() < seen.getOrDefault("cluster/" + s.cluster(), Long.MIN_VALUE)) {
                    continue;
                }
                seen.put("cluster/" + s.cluster(), s.resourceVersion());
                if (s.status() != null) {
                    played(s.cluster()).status(s.status());
                }
            }
        }
    }

    private void job(Job job) {
        String cluster = job.getMetadata().getLabels().get(CLUSTER);
        long version = WatchedChanges.resourceVersion(job);
        String key = "job/" + job.getMetadata().getName();
        if (version < seen.getOrDefault(key, Long.MIN_VALUE)) {
            return;
        }
        seen.put(key, version);
        played(cluster).job(job);
    }

    private void service(Service svc) {
        String cluster = svc.getMetadata().getLabels() == null ? null : svc.getMetadata().getLabels().get(CLUSTER);
        long version = WatchedChanges.resourceVersion(svc);
        String key = "svc/" + svc.getMetadata().getName();
        if (cluster == null || version < seen.getOrDefault(key, Long.MIN_VALUE)) {
            return;
        }
        seen.put(key, version);
        played(cluster).service(svc);
    }


    /**
     * Ticks until the trace holds every StatefulSet, Service, Job and RaftCluster write made so far (the watches
     * deliver them a moment after the write), at most five seconds; for the end of a run.
     */
    public void settle() {
        Map<String, Long> written = new TreeMap<>();
        client.apps().statefulSets().inNamespace(settings.namespace()).withLabel(MANAGED_BY, "raftops").list()
                .getItems().forEach(sts -> written.put("sts/" + sts.getMetadata().getName(),
                        WatchedChanges.resourceVersion(sts)));
        client.services().inNamespace(settings.namespace()).withLabel(MANAGED_BY, "raftops").list()
                .getItems().forEach(svc -> written.put("svc/" + svc.getMetadata().getName(),
                        WatchedChanges.resourceVersion(svc)));
        client.batch().v1().jobs().inNamespace(settings.namespace()).withLabel(CLUSTER).list()
                .getItems().forEach(job -> written.put("job/" + job.getMetadata().getName(),
                        WatchedChanges.resourceVersion(job)));
        try {
            client.genericKubernetesResources(PlayedCluster.RAFT_CLUSTER)
                    .inNamespace(settings.namespace()).list().getItems().forEach(cr -> written.put("cluster/"
                            + cr.getMetadata().getName(), WatchedChanges.resourceVersion(cr)));
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            LOG.debug("no RaftCluster API: {}", e.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            synchronized (this) {
                tick();
                if (written.entrySet().stream().allMatch(w -> seen.getOrDefault(w.getKey(), Long.MIN_VALUE)
                        >= w.getValue()) || System.nanoTime() > deadline) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private PlayedCluster played(String cluster) {
        return clusters.computeIfAbsent(cluster, c -> {
            PlayedCluster played = new PlayedCluster(client, settings, c, trace(c), random, clock::instant);
            played.faults = this::faults;
            return played;
        });
    }

    /**
     * The container of pod {@code <statefulSet>-<ordinal>} crashes and restarts in place: not Ready
     * (and no longer leading) until a ready delay later; traced as {@code pod.deleted} with
     * {@code cause: crash}. False when the runtime plays no such pod.
     */
    public synchronized boolean crashPod(String statefulSet, int ordinal) {
        clock.advanceTo(wall.instant());
        absorbChanges(true);
        PlayedStatefulSet set = playedSet(statefulSet);
        boolean crashed = set != null && set.crash(ordinal, clock.instant());
        flush();
        return crashed;
    }

    /**
     * Leadership of {@code statefulSet}'s Raft group moves to the Ready pod at {@code ordinal}, as a
     * spontaneous election would (no step-down Job); false when that pod is not Ready or leads already.
     */
    public synchronized boolean changeLeader(String statefulSet, int ordinal) {
        clock.advanceTo(wall.instant());
        absorbChanges(true);
        PlayedStatefulSet set = playedSet(statefulSet);
        boolean moved = set != null && set.moveLeader(ordinal);
        flush();
        return moved;
    }

    private PlayedStatefulSet playedSet(String statefulSet) {
        for (PlayedCluster cluster : clusters.values()) {
            PlayedStatefulSet set = cluster.playedSet(statefulSet);
            if (set != null) {
                return set;
            }
        }
        return null;
    }

    /**
     * Who deletes pods the runtime did not delete itself: the embedder (the sandbox's API server,
     * which sees each request's client) names the controller's deletes here; every other delete is
     * traced as a person's ({@code cause: person}). Thread-safe and never waits for a tick.
     */
    public PodDeleters podDeleters() {
        return deleters;
    }

    /** The faults played now. */
    public RuntimeFaults faults() {
        return faults;
    }

    /**
     * Plays {@code next} from the next tick on (more faults, or fewer: a healed pod); traced as a
     * {@code fault} line on every cluster's trace.
     */
    public synchronized void inject(RuntimeFaults next) {
        faults = java.util.Objects.requireNonNull(next, "faults");
        recordEverywhere("fault", l -> l.put("fault", "runtime").put("faults", next.toString()));
    }

    /**
     * Writes one line of {@code kind} to the trace of every cluster seen so far (facts about the
     * whole run, such as a controller restart), in order with the runtime's lines.
     */
    public synchronized void recordEverywhere(String kind, UnaryOperator<TraceLine> fields) {
        clock.advanceTo(wall.instant());
        absorbChanges(true);
        for (Trace trace : traces.values()) {
            trace.write(fields.apply(trace.line(kind)));
        }
        flush();
    }

    /**
     * Writes one line to the trace of {@code cluster} (the caller's own lines such as
     * {@code run.start}, {@code operator} and {@code run.end}), in order with the runtime's lines.
     */
    public synchronized void record(String cluster, String kind, UnaryOperator<TraceLine> fields) {
        clock.advanceTo(wall.instant());
        absorbChanges(true);
        Trace trace = trace(cluster);
        trace.write(fields.apply(trace.line(kind)));
        flush();
    }

    /**
     * The trace lines of {@code cluster} written so far (JSON, in order; empty for a cluster not
     * seen), whether or not a trace file is written: for a run's own account of what happened.
     */
    public synchronized java.util.List<String> traceLines(String cluster) {
        Trace trace = traces.get(cluster);
        return trace == null ? java.util.List.of() : trace.lines();
    }

    private final Map<String, Trace> traces = new TreeMap<>();

    private Trace trace(String cluster) {
        return traces.computeIfAbsent(cluster, c -> {
            Trace trace = new Trace(clock, settings.namespace() + "/" + c);
            trace.listen(this::append);
            return trace;
        });
    }

    private void append(String json) {
        if (traceOut == null) {
            return;
        }
        try {
            traceOut.write(json);
            traceOut.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            if (traceOut != null) {
                traceOut.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops ticking (waiting for a tick in flight), stops watching and closes the trace file. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = ticker;
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            changes.close();
            try {
                if (traceOut != null) {
                    traceOut.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
