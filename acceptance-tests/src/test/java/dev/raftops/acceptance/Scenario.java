package dev.raftops.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusCondition;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.SandboxEnvironment;
import dev.raftops.sandbox.SandboxFault;
import dev.raftops.simulator.check.InvariantChecker;
import dev.raftops.simulator.check.Violation;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One acceptance scenario: the sandbox world (embedded API server, simulated cluster, real
 * controller) driven only through the Kubernetes API, with a trace file. Every failure message
 * it builds names the scenario and the seed so the run can be replayed.
 */
final class Scenario implements AutoCloseable {

    static final String NAMESPACE = "acceptance";
    /** The cluster most scenarios run: {@value #REPLICAS} voters, {@value #CLUSTER}, {@value #FROM} to {@value #TO}. */
    static final String CLUSTER = "bao";
    static final String FROM = "2.4.0";
    static final String TO = "2.4.4";
    static final int REPLICAS = 3;
    /** Replays every selected scenario with this seed instead of its own. */
    static final String SEED_PROPERTY = "raftops.acceptance.seed";
    static final Duration READY_DELAY = Duration.ofMillis(200);
    static final Duration TIMEOUT = Duration.ofSeconds(40);
    /** Short, so the simulated StatefulSet controller and kubelet react about as fast as real ones. */
    static final Duration TICK = Duration.ofMillis(10);
    private static final Pattern ORDINAL = Pattern.compile("\"ordinal\":(\\d+)");

    private final String name;
    private final long seed;
    private final Path trace;
    private final SandboxEnvironment environment;

    private Scenario(String name, long seed, Path trace, SandboxEnvironment environment) {
        this.name = name;
        this.seed = seed;
        this.trace = trace;
        this.environment = environment;
    }

    /** Starts a world whose first election is won by {@code leader} (null: a seeded choice). */
    static Scenario start(String name, long seed, Integer leader, Path dir) {
        return start(name, seed, leader, READY_DELAY, dir);
    }

    /** As {@link #start(String, long, Integer, Path)} with pods taking {@code readyDelay} to become Ready. */
    static Scenario start(String name, long caseSeed, Integer leader, Duration readyDelay, Path dir) {
        return start(name, caseSeed, leader, readyDelay, 1, dir);
    }

    /**
     * As {@link #start(String, long, Integer, Duration, Path)} with {@code controllers} controller
     * instances (more than one compete for the Lease).
     */
    static Scenario start(String name, long caseSeed, Integer leader, Duration readyDelay, int controllers, Path dir) {
        long seed = seed(caseSeed);
        Path trace = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + seed + ".jsonl");
        SandboxEnvironment environment = SandboxEnvironment.open(new ClusterRuntime.Settings(NAMESPACE, seed,
                TICK, readyDelay, readyDelay.dividedBy(2), leader, trace), controllers);
        Scenario scenario = new Scenario(name, seed, trace, environment);
        try {
            environment.start();
        } catch (IOException e) {
            environment.close();
            throw new UncheckedIOException(e);
        }
        return scenario;
    }

    /** The case's own seed, unless {@code -Draftops.acceptance.seed=N} replays another one. */
    static long seed(long caseSeed) {
        String override = System.getProperty(SEED_PROPERTY);
        return override == null || override.isBlank() ? caseSeed : Long.parseLong(override.trim());
    }

    KubernetesClient client() {
        return environment.client();
    }

    /** {@code spec.backup.target} for the scenario's S3-compatible store, where the executor writes snapshots. */
    Map<String, String> backupTarget() {
        return environment.objectStore().target();
    }

    /** The world itself: faults, controller instances, the count of the controller's writes. */
    SandboxEnvironment environment() {
        return environment;
    }

    /** Plays {@code faults} from now on (controller writes counted from zero), recorded as an operator line. */
    void inject(String cluster, List<SandboxFault> faults) {
        environment.cluster().record(cluster, "operator", l -> l.put("faults", faults.toString()));
        environment.inject(faults);
    }

    /** "scenario <name>, seed <seed>": the prefix of every failure message. */
    String why(String what) {
        return "scenario " + name + ", seed " + seed + ": " + what;
    }

    /** Creates a RaftCluster as {@code kubectl apply} would, recording run.start in its trace. */
    void create(String cluster, ClusterSpec spec, String toVersion) {
        environment.cluster().record(cluster, "run.start", l -> l.put("replicas", spec.replicas())
                .put("fromVersion", spec.version()).put("toVersion", toVersion)
                .put("strategy", spec.upgrade().strategy().wireName())
                .put("seed", seed));
        client().resource(Fabric8Adapters.raftCluster(new ClusterKey(NAMESPACE, cluster), spec)).create();
    }

    /**
     * Creates {@code cluster} from {@code spec} ({@link #create(String, ClusterSpec, String)}) and waits
     * until it runs {@code spec.version}; its status then.
     */
    RaftClusterStatus createRunning(String cluster, ClusterSpec spec, String toVersion) {
        create(cluster, spec, toVersion);
        return awaitStatus(cluster, "the cluster runs " + spec.version(),
                st -> spec.version().equals(st.currentVersion));
    }

    /** Creates a document exactly as given, as {@code kubectl create} would (no validation in the mock). */
    void create(RaftCluster document) {
        client().resource(document).create();
    }

    /** A user's spec edit: a JSON merge patch of {@code spec}, recorded as an operator line. */
    RaftCluster patchSpec(String cluster, Map<String, Object> spec) {
        environment.cluster().record(cluster, "operator", l -> l.put("patch", spec.toString()));
        return client().resources(RaftCluster.class).inNamespace(NAMESPACE).withName(cluster)
                .patch(PatchContext.of(PatchType.JSON_MERGE), client().getKubernetesSerialization()
                        .asJson(Map.of("spec", spec)));
    }

    RaftClusterStatus status(String cluster) {
        RaftCluster cr = client().resources(RaftCluster.class).inNamespace(NAMESPACE).withName(cluster).get();
        return cr == null ? null : cr.getStatus();
    }

    /** As {@link #awaitStatus} with a longer limit, for a wait on the wall clock (a backup window). */
    static RaftClusterStatus awaitLonger(Scenario s, String cluster, String what, Duration limit,
            Predicate<RaftClusterStatus> done) {
        await(s.why(what)).atMost(limit).pollInterval(Duration.ofMillis(200))
                .until(() -> s.status(cluster), st -> st != null && done.test(st));
        return s.status(cluster);
    }

    /** Waits until {@code done} holds of the cluster's status; fails naming the scenario and seed. */
    RaftClusterStatus awaitStatus(String cluster, String what, Predicate<RaftClusterStatus> done) {
        try {
            await(why(what)).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(() -> status(cluster), s -> s != null && done.test(s));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> lines = trace(cluster);
            throw new AssertionError(e.getMessage() + "\nlast status: "
                    + client().getKubernetesSerialization().asJson(status(cluster)) + "\nlast trace lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())), e);
        }
        return status(cluster);
    }

    /**
     * Waits until the controllers made no write for {@code quiet} (their last writes after a
     * converged status, a restarted controller's first pass); fails naming the scenario and seed.
     */
    void awaitQuiet(Duration quiet) {
        long[] last = {environment.controllerWrites(), System.nanoTime()};
        await(why("the controller stops writing")).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            long now = environment.controllerWrites();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] >= quiet.toNanos();
        });
    }

    static StatusCondition condition(RaftClusterStatus status, String type) {
        return status == null || status.conditions == null ? null
                : status.conditions.stream().filter(c -> type.equals(c.type)).findFirst().orElse(null);
    }

    List<Event> events(String cluster) {
        return client().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> e.getInvolvedObject() != null && cluster.equals(e.getInvolvedObject().getName()))
                .collect(Collectors.toList());
    }

    /** Waits until an Event about the cluster matches; fails naming the scenario and seed. */
    List<Event> awaitEvents(String cluster, String what, Predicate<Event> wanted) {
        await(why(what)).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> events(cluster), es -> es.stream().anyMatch(wanted));
        return events(cluster);
    }

    /** The index of the first line that matches; fails with the trace when none does. */
    static int indexOf(List<String> lines, String what, Predicate<String> line) {
        for (int i = 0; i < lines.size(); i++) {
            if (line.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no trace line: " + what + "\n" + String.join("\n", lines));
    }

    static int indexOfKind(List<String> lines, String kind) {
        return indexOfKind(lines, kind, 0);
    }

    /** The index of the {@code n}th (from 0) line of {@code kind}. */
    static int indexOfKind(List<String> lines, String kind, int n) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"kind\":\"" + kind + "\"") && seen++ == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + kind + " line number " + n);
    }

    /** Waits until a trace line of the cluster matches; fails naming the scenario and seed. */
    void awaitTrace(String cluster, String what, Predicate<String> wanted) {
        await(why(what)).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> trace(cluster).stream().anyMatch(wanted));
    }

    /** The trace lines of {@code cluster} so far (every StatefulSet and status write made until now), in order. */
    List<String> trace(String cluster) {
        environment.cluster().settle();
        try {
            String tag = "\"cluster\":\"" + NAMESPACE + "/" + cluster + "\"";
            return Files.readAllLines(trace).stream().filter(l -> l.contains(tag)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ofKind(List<String> lines, String kind) {
        return lines.stream().filter(l -> l.contains("\"kind\":\"" + kind + "\"")).collect(Collectors.toList());
    }

    static int ordinal(String line) {
        Matcher m = ORDINAL.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("no ordinal in " + line);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Asserts the InvariantChecker finds nothing in the cluster's trace. */
    void assertInvariants(String cluster) {
        List<String> lines = trace(cluster);
        List<Violation> violations = InvariantChecker.check(lines);
        assertThat(violations).as(() -> why("InvariantChecker on trace " + trace + "\n"
                + String.join("\n", lines))).isEmpty();
    }

    @Override
    public void close() {
        environment.close();
    }
}
