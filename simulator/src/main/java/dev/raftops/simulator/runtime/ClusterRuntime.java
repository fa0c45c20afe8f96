package dev.raftops.simulator.runtime;

import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import dev.raftops.simulator.trace.TraceLine;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster side of a real-time run against a Kubernetes API: for every StatefulSet raftops
 * manages in one namespace it plays the StatefulSet controller, the kubelet, the Raft group inside
 * the pods and the executor Jobs ({@link PlayedCluster}, one per cluster of the namespace,
 * {@link PlayedNamespace}), and writes a trace per cluster ({@link RuntimeTraces}). One scheduled
 * thread ticks it, so the model stays single-threaded like {@code SimWorld}; the leader is chosen by
 * a seeded random.
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
    private final RuntimeTraces traces;
    private final WatchedChanges changes = new WatchedChanges();
    private final PlayedNamespace namespace;
    private ScheduledExecutorService ticker;
    private volatile RuntimeFaults faults = RuntimeFaults.none();
    private final PodDeleters deleters = new PodDeleters();
    private volatile JobPlayer player;

    public ClusterRuntime(KubernetesClient client, Settings settings, Clock wall) {
        this.client = client;
        this.settings = settings;
        this.wall = wall;
        this.clock = new SimClock(wall.instant());
        this.traces = new RuntimeTraces(clock, settings.namespace(), settings.trace());
        Random random = new Random(settings.seed());
        this.namespace = new PlayedNamespace(client, settings.namespace(), cluster -> {
            PlayedCluster played = new PlayedCluster(client, settings, cluster, traces.of(cluster), random,
                    clock::instant);
            played.faults = this::faults;
            played.player = () -> player;
            played.lock = this;
            return played;
        }, deleters);
    }

    /** Plays every executor Job from now on with {@code jobs}, the program deciding how it ends (else: on the model). */
    public void playJobsWith(JobPlayer jobs) {
        this.player = Objects.requireNonNull(jobs, "jobs");
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
        namespace.absorb(changes.drain(false));
        namespace.play();
        traces.flush();
    }

    /**
     * Ticks until the trace holds every StatefulSet, Service, Job and RaftCluster write made so far (the watches
     * deliver them a moment after the write), at most five seconds; for the end of a run.
     */
    public void settle() {
        Map<String, Long> written = namespace.writtenSoFar();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            synchronized (this) {
                tick();
                if (namespace.hasTaken(written) || System.nanoTime() > deadline) {
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

    /**
     * The container of pod {@code <statefulSet>-<ordinal>} crashes and restarts in place: not Ready
     * (and no longer leading) until a ready delay later; traced as {@code pod.deleted} with
     * {@code cause: crash}. False when the runtime plays no such pod.
     */
    public synchronized boolean crashPod(String statefulSet, int ordinal) {
        PlayedStatefulSet set = caughtUp(statefulSet);
        boolean crashed = set != null && set.crash(ordinal, clock.instant());
        traces.flush();
        return crashed;
    }

    /** Takes every change watched so far; {@code statefulSet} as played then (null when never seen). */
    private PlayedStatefulSet caughtUp(String statefulSet) {
        clock.advanceTo(wall.instant());
        namespace.absorb(changes.drain(true));
        return statefulSet == null ? null : namespace.playedSet(statefulSet);
    }

    /**
     * Leadership of {@code statefulSet}'s Raft group moves to the Ready pod at {@code ordinal}, as a
     * spontaneous election would (no step-down Job); false when that pod is not Ready or leads already.
     */
    public synchronized boolean changeLeader(String statefulSet, int ordinal) {
        PlayedStatefulSet set = caughtUp(statefulSet);
        boolean moved = set != null && set.moveLeader(ordinal);
        traces.flush();
        return moved;
    }

    /** Where the played pods' OpenBao API answers ({@link PodEndpoints}). */
    public PodEndpoints podEndpoints() {
        return new PodEndpoints(this, namespace);
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
        faults = Objects.requireNonNull(next, "faults");
        recordEverywhere("fault", l -> l.put("fault", "runtime").put("faults", next.toString()));
    }

    /**
     * Writes one line of {@code kind} to the trace of every cluster seen so far (facts about the
     * whole run, such as a controller restart), in order with the runtime's lines.
     */
    public synchronized void recordEverywhere(String kind, UnaryOperator<TraceLine> fields) {
        caughtUp(null);
        for (Trace trace : traces.all()) {
            trace.write(fields.apply(trace.line(kind)));
        }
        traces.flush();
    }

    /**
     * Writes one line to the trace of {@code cluster} (the caller's own lines such as
     * {@code run.start}, {@code operator} and {@code run.end}), in order with the runtime's lines.
     */
    public synchronized void record(String cluster, String kind, UnaryOperator<TraceLine> fields) {
        caughtUp(null);
        Trace trace = traces.of(cluster);
        trace.write(fields.apply(trace.line(kind)));
        traces.flush();
    }

    /**
     * The trace lines of {@code cluster} written so far (JSON, in order; empty for a cluster not
     * seen), whether or not a trace file is written: for a run's own account of what happened.
     */
    public synchronized List<String> traceLines(String cluster) {
        return traces.lines(cluster);
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
            namespace.close();
            changes.close();
            traces.close();
        }
    }
}
