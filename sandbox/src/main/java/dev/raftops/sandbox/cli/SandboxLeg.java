package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import dev.raftops.sandbox.SandboxEnvironment;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One cluster of the sandbox tour, followed from its creation to its end: it is created at a
 * version under a strategy, asked for a target, and every change of its view is printed until it
 * converged, ended blocked or the deadline passed; its end is traced and summed up.
 */
final class SandboxLeg {

    private final SandboxConsole console;
    private final SandboxEnvironment environment;
    private final KubernetesClient client;
    private final ClusterRuntime cluster;
    private final String namespace;
    private final String name;
    private final String from;
    private final UpgradeStrategy strategy;
    private final int timeoutSeconds;
    private final Instant started;
    /** The cluster's trace lines before this leg (an earlier leg of the same cluster): the summary skips them. */
    private final int traceFrom;
    private String target;
    private Instant requested;
    private String lastLine;

    /**
     * A leg that started at {@code started}, of cluster {@code name} created at {@code from}, whose
     * target is {@code target} until {@link #requesting} names another.
     */
    SandboxLeg(SandboxConsole console, SandboxEnvironment environment, String namespace, String name, String from,
            String target, UpgradeStrategy strategy, int timeoutSeconds, Instant started) {
        this.console = console;
        this.environment = environment;
        this.client = environment.client();
        this.cluster = environment.cluster();
        this.namespace = namespace;
        this.name = name;
        this.from = from;
        this.target = target;
        this.strategy = strategy;
        this.timeoutSeconds = timeoutSeconds;
        this.started = started;
        this.traceFrom = cluster.traceLines(name).size();
    }

    String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    /** Traces {@code run.start} of the leg's cluster. */
    void recordStart(int replicas, String to, long seed, Integer leader) {
        cluster.record(name, "run.start", l -> l.put("replicas", replicas).put("fromVersion", from)
                .put("toVersion", to).put("strategy", strategy.wireName()).put("seed", seed).put("leader", leader));
    }

    /** Creates the RaftCluster at the leg's version and waits until it runs; false on timeout. */
    boolean create(int replicas, Instant deadline) throws InterruptedException {
        ClusterSpec initial = ClusterSpec.of(from, null, replicas);
        client.resource(Fabric8Adapters.raftCluster(new ClusterKey(namespace, name),
                initial.withUpgrade(initial.upgrade().withStrategy(strategy)))).create();
        return follow(deadline, s -> s != null && s.currentVersion != null);
    }

    /**
     * Switches a running cluster to the leg's strategy and follows it until the switch is in force and,
     * for BlueGreen, Blue's pods carry Blue's revision (the client Services can select them); false on
     * timeout. The leg's summary counts from here.
     */
    boolean switchStrategy(Instant deadline) throws InterruptedException {
        cluster.record(name, "operator", l -> l.put("request", "strategy").put("strategy", strategy.wireName()));
        patchSpec(Map.of("upgrade", Map.of("strategy", strategy.wireName())));
        return follow(deadline, s -> s != null && strategy.wireName().equals(s.acceptedUpgradeStrategy)
                && (strategy != UpgradeStrategy.BLUE_GREEN || blueLabelled(s)));
    }

    private boolean blueLabelled(RaftClusterStatus s) {
        if (s.blueGreen == null || s.blueGreen.blueRevision == null) {
            return false;
        }
        String set = s.blueGreen.blueStatefulSet != null ? s.blueGreen.blueStatefulSet : name + "-" + s.blueGreen.blueRevision;
        return client.pods().inNamespace(namespace).withLabel("raftops.dev/statefulset", set).list().getItems().stream()
                .allMatch(p -> s.blueGreen.blueRevision.equals(p.getMetadata().getLabels().get("raftops.dev/revision")));
    }

    /** From now on the leg asks for {@code version}: its upgrade time starts here. */
    void requesting(String version) {
        target = version;
        requested = Instant.now();
    }

    /**
     * Patches the spec with {@code request} (which asks for the target) and follows it until the
     * controller saw the edit and the cluster converged or ended blocked; false on timeout.
     */
    boolean askAndFollow(Map<String, Object> request, Instant deadline) throws InterruptedException {
        RaftCluster cr = patchSpec(request);
        long generation = cr.getMetadata().getGeneration() == null ? 0 : cr.getMetadata().getGeneration();
        cluster.record(name, "operator", l -> l.put("request", "version").put("version", target));
        return follow(deadline, s -> s != null && s.observedGeneration != null
                && s.observedGeneration >= generation
                && (converged(s) || SandboxView.blocked(s) != null || SandboxView.nothingToRoll(s) != null));
    }

    /** The status now. */
    RaftClusterStatus status() {
        return SandboxView.status(client, namespace, name);
    }

    /** Whether {@code s} shows the target running, no upgrade and no blue/green attempt in flight. */
    boolean converged(RaftClusterStatus s) {
        return s != null && SemVer.canonical(target).equals(s.currentVersion) && s.upgrade == null
                && (s.blueGreen == null || s.blueGreen.phase == null || "Idle".equals(s.blueGreen.phase));
    }

    /**
     * A person's edit of the spec: a merge patch without resourceVersion, so it never conflicts with the
     * controller's status writes.
     */
    RaftCluster patchSpec(Map<String, Object> spec) {
        return client.resources(RaftCluster.class).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization()
                        .asJson(Map.of("spec", spec)));
    }

    /** Prints every change until {@code done} holds of the status or the deadline passes. */
    boolean follow(Instant deadline, Predicate<RaftClusterStatus> done) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            show();
            if (done.test(status())) {
                show();
                return true;
            }
            Thread.sleep(100);
        }
        console.say("timed out after " + timeoutSeconds + " s");
        return false;
    }

    private void show() {
        environment.takeNotices().forEach(console::say);
        SandboxLine line = SandboxView.line(client, namespace, name, console.width());
        if (!line.text().equals(lastLine)) {
            lastLine = line.text();
            console.say(line);
        }
    }

    /** Traces {@code run.end} with the status the leg ended on, and sums the leg up from its trace. */
    SandboxSummary end(String result, RaftClusterStatus status) {
        String reason = SandboxView.blocked(status);
        cluster.settle(); // the trace ends with the status the run ended on
        cluster.record(name, "run.end", l -> l.put("result", result)
                .put("currentVersion", status == null ? null : status.currentVersion).put("reason", reason));
        Instant now = Instant.now();
        java.util.List<String> lines = java.util.List.copyOf(cluster.traceLines(name));
        return SandboxSummary.of(namespace + "/" + name, from, target, strategy.wireName(), result,
                lines.subList(Math.min(traceFrom, lines.size()), lines.size()),
                Duration.between(started, now),
                requested == null ? null : Duration.between(requested, now));
    }
}
