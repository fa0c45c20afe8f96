package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import dev.raftops.sandbox.SandboxEnvironment;
import dev.raftops.sandbox.SandboxFault;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code raftops sandbox}: an embedded API server (the fabric8 CRUD mock), the simulated cluster
 * runtime and the real controller, touring a rolling upgrade, a manual backup and a blue/green
 * upgrade while printing every change.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the cluster (and demo-bg) run their target version, no upgrade in flight",
            "1:--timeout passed", "2:blocked (the reason is printed) or a bad option (one line, nothing started)"},
        description = {"Run the real controller against an embedded API server and a simulated cluster: create a "
                + "RaftCluster at --from, wait until it runs, ask for --to, and print the view at each change "
                + "(pods with version, Ready and leader; partition; running Jobs; phase; lock). Then, unless "
                + "--no-backup, ask for a manual backup (spec.backup with schedule @daily and requests.trigger). "
                + "Then, after a RollingUpdate run and unless --then-blue-green none, create a second cluster "
                + "demo-bg at --to under BlueGreen and upgrade it to --then-blue-green (2.5.0).",
            "Every option is checked before anything starts. By default stdout shows only the view (lines of at "
                + "most " + SandboxCommand.WIDTH + " columns) and a summary per cluster; the logs go to a file named "
                + "at the end (--log), --verbose shows them in between.",
            "--strategy BlueGreen tours a blue/green cutover instead (Green joins Blue's Raft, is promoted, "
                + "traffic switches, Blue goes).",
            "--fault injects a fault (repeatable): controller-crash@N (the controller is discarded and restarted "
                + "after its N-th write), conflict@N (its N-th write is answered 409), pod-never-ready@ORDINAL (that "
                + "pod never becomes Ready on the new version), job-fail@ACTION (the first executor Job of that action "
                + "fails; repeat for more). Writes are counted from the request for --to."})
public final class SandboxCommand implements Callable<Integer> {

    private static final String NAMESPACE = "sandbox";
    private static final String NAME = "demo";
    private static final String BACKUP_TOKEN = "sandbox-tour-1";
    /** The widest line printed, the time column included (docs/decisions/sandbox-input-and-output.md). */
    static final int WIDTH = 100;
    /** The time column: {@code "   17.4s  "}. */
    private static final int TIME_COLUMN = 10;
    /** The mock server logs every request; a person wants the cluster's changes, not the HTTP traffic. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger(
            "io.fabric8.mockwebserver");

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "3",
            description = "Raft members, 1 to " + SandboxOptionsCheck.MAX_REPLICAS + ".")
    int replicas;

    @Option(names = "--from", paramLabel = "VERSION", defaultValue = "2.4.0", description = "Version to start at.")
    String from;

    @Option(names = "--to", paramLabel = "VERSION", defaultValue = "2.4.4", description = "Version to upgrade to.")
    String to;

    @Option(names = "--leader", paramLabel = "ORDINAL",
            description = "Ordinal that wins the first election, 0 to --replicas - 1 (default: a seeded choice).")
    Integer leader;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "RollingUpdate",
            description = "spec.upgrade.strategy: RollingUpdate or BlueGreen.")
    String strategy;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the simulated cluster.")
    long seed;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write the run's JSON Lines trace to this file (default: none).")
    Path trace;

    @Option(names = "--log", paramLabel = "FILE", description = "Write the logs (controller, API server, client) "
            + "to this file (default: a new raftops-sandbox-*.log in the temporary directory).")
    Path log;

    @Option(names = "--verbose", description = "Show the logs on stderr, between the lines of the view, instead "
            + "of writing them to a file.")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Give up after this many seconds.")
    int timeoutSeconds;

    @Option(names = "--ready-delay", paramLabel = "MILLISECONDS", defaultValue = "1500",
            description = "Milliseconds a pod takes to become Ready, 0 to 600000.")
    long readyDelayMillis;

    // without fallbackValue, picocli 4.7 turns --no-backup into true and --backup into false
    @Option(names = "--backup", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After the upgrade, ask for a manual backup through spec.backup.requests.trigger "
                    + "(default: on; --no-backup skips it).")
    boolean backup;

    @Option(names = "--fault", paramLabel = "NAME[@ARG]", converter = FaultConverter.class,
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Inject a fault; repeatable: controller-crash@N, conflict@N, pod-never-ready@ORDINAL, "
                    + "job-fail@ACTION.")
    List<SandboxFault> faults = new ArrayList<>();

    @Option(names = "--pod-ready-timeout", paramLabel = "DURATION",
            description = "spec.upgrade.timeouts.podReady of the cluster, such as 20s (default: the cluster's own, "
                    + "10m; 15s when a pod-never-ready fault is given).")
    String podReadyTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Reads one {@code --fault}; a bad one is a usage error naming it. */
    static final class FaultConverter implements CommandLine.ITypeConverter<SandboxFault> {
        @Override
        public SandboxFault convert(String value) {
            try {
                return SandboxFault.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--then-blue-green", paramLabel = "VERSION", defaultValue = "2.5.0",
            description = "After a RollingUpdate run converged, create a second cluster, " + NAME + "-bg, at --to under "
                    + "the BlueGreen strategy and upgrade it to VERSION; none skips it.")
    String thenBlueGreen;

    private PrintWriter out;
    private SandboxEnvironment environment;
    /** The cluster the run follows now, and the version it asks that cluster for. */
    private String name = NAME;
    private String target;
    private Instant started;
    private String lastLine;
    /** When the current leg created its cluster, and when it asked for its target. */
    private Instant legStarted;
    private Instant requested;
    private String legFrom;
    private final List<SandboxSummary> summaries = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SandboxOptionsCheck.check(this, spec.commandLine());
        out = spec.commandLine().getOut();
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        started = Instant.now();
        SandboxLogFile logFile = verbose ? null : SandboxLogFile.open(log != null ? log
                : java.nio.file.Files.createTempFile("raftops-sandbox-", ".log"));
        try {
            return tour();
        } finally {
            if (logFile != null) {
                logFile.close();
                say("logs written to " + logFile.path());
            }
        }
    }

    private Integer tour() throws Exception {
        legStarted = started;
        legFrom = from;
        target = to;
        Instant deadline = started.plusSeconds(timeoutSeconds);
        Duration readyDelay = Duration.ofMillis(readyDelayMillis);
        ClusterRuntime.Settings runtimeSettings = new ClusterRuntime.Settings(NAMESPACE, seed, Duration.ofMillis(100),
                readyDelay, readyDelay.dividedBy(2), leader, trace);
        try (SandboxEnvironment opened = SandboxEnvironment.open(runtimeSettings)) {
            environment = opened;
            KubernetesClient client = environment.client();
            ClusterRuntime cluster = environment.cluster();
            cluster.record(name, "run.start", l -> l.put("replicas", replicas).put("fromVersion", from)
                    .put("toVersion", to).put("strategy", strategy().wireName()).put("seed", seed).put("leader", leader));
            environment.start();
            environment.endpointAddresses().values().stream().flatMap(List::stream).findFirst().ifPresent(a -> say(
                    "controller health and metrics on http://" + a.getAddress().getHostAddress() + ":" + a.getPort()
                            + " (/healthz, /readyz, /metrics)"));
            say("creating RaftCluster " + NAMESPACE + "/" + name + " at " + from + " with " + replicas + " replicas");
            ClusterSpec initial = ClusterSpec.of(from, null, replicas);
            client.resource(Fabric8Adapters.raftCluster(new ClusterKey(NAMESPACE, name),
                    initial.withUpgrade(initial.upgrade().withStrategy(strategy())))).create();
            if (!follow(client, deadline, s -> s != null && s.currentVersion != null)) {
                return end(cluster, "timeout", null, 1);
            }
            say("cluster runs " + from + "; asking for " + to);
            requested = Instant.now();
            String timeout = podReadyTimeout != null ? podReadyTimeout
                    : faults.stream().anyMatch(f -> f instanceof SandboxFault.PodNeverReady) ? "15s" : null;
            Map<String, Object> request = new TreeMap<>(Map.of("version", to));
            if (timeout != null) {
                request.put("upgrade", Map.of("timeouts", Map.of("podReady", timeout)));
            }
            if (!faults.isEmpty()) {
                say("faults from now on: " + faults.stream().map(SandboxCommand::name).collect(Collectors.joining(" "))
                        + (timeout == null ? "" : " (timeouts.podReady " + timeout + ")"));
            }
            environment.inject(faults);
            boolean ended = askAndFollow(client, cluster, deadline, request);
            RaftClusterStatus status = SandboxView.status(client, NAMESPACE, name);
            if (!ended) {
                return end(cluster, "timeout", status, 1);
            }
            if (SandboxView.nothingToRoll(status) != null) {
                say("done: " + SandboxView.nothingToRoll(status));
                return end(cluster, "converged", status, 0);
            }
            if (converged(status) && backup) {
                say("the cluster runs " + to + "; asking for a manual backup (schedule @daily, trigger "
                        + BACKUP_TOKEN + ")");
                status = manualBackup(client, cluster, deadline);
                if (status == null) {
                    return end(cluster, "timeout", SandboxView.status(client, NAMESPACE, name), 1);
                }
                if (backupFailure(status) != null) {
                    say("blocked: " + backupFailure(status));
                    return end(cluster, "blocked", status, 2);
                }
                say("backup done: job " + status.backup.lastBackupJob);
            }
            if (converged(status) && blueGreenLeg()) {
                int code = end(cluster, "converged", status, 0, false);
                return blueGreenTour(client, cluster, deadline, code);
            }
            if (converged(status)) {
                say("done: the cluster runs " + to);
                return end(cluster, "converged", status, 0);
            }
            String reason = SandboxView.blocked(status);
            say("blocked: " + reason);
            return end(cluster, "blocked", status, 2);
        }
    }

    /**
     * Patches the current cluster's spec with {@code request} (which asks for {@link #target}) and
     * follows it until the controller saw the edit and the cluster converged or ended blocked;
     * false on timeout.
     */
    private boolean askAndFollow(KubernetesClient client, ClusterRuntime cluster, Instant deadline,
            Map<String, Object> request) throws InterruptedException {
        RaftCluster cr = patchSpec(client, request);
        long generation = cr.getMetadata().getGeneration() == null ? 0 : cr.getMetadata().getGeneration();
        cluster.record(name, "operator", l -> l.put("request", "version").put("version", target));
        return follow(client, deadline, s -> s != null && s.observedGeneration != null
                && s.observedGeneration >= generation
                && (converged(s) || SandboxView.blocked(s) != null || SandboxView.nothingToRoll(s) != null));
    }

    /** The guided tour goes on with a blue/green upgrade: after a RollingUpdate run, to a newer version. */
    private boolean blueGreenLeg() {
        if (strategy() != UpgradeStrategy.ROLLING_UPDATE || "none".equalsIgnoreCase(thenBlueGreen)) {
            return false;
        }
        try {
            return SemVer.parse(thenBlueGreen).compareTo(SemVer.parse(to)) > 0;
        } catch (IllegalArgumentException notAVersion) {
            return false;
        }
    }

    /**
     * The tour's blue/green leg on a second cluster: switching a running RollingUpdate cluster to
     * BlueGreen is not supported (docs/decisions/bluegreen-initial-blue.md), so the leg creates
     * {@code <name>-bg} at --to under BlueGreen and upgrades it to --then-blue-green.
     */
    private int blueGreenTour(KubernetesClient client, ClusterRuntime cluster, Instant deadline, int rollingCode)
            throws InterruptedException {
        name = NAME + "-bg";
        target = to;
        lastLine = null;
        legStarted = Instant.now();
        requested = null;
        legFrom = to;
        cluster.record(name, "run.start", l -> l.put("replicas", replicas).put("fromVersion", to)
                .put("toVersion", thenBlueGreen).put("strategy", UpgradeStrategy.BLUE_GREEN.wireName()).put("seed", seed)
                .put("leader", leader));
        say("blue/green next: creating RaftCluster " + NAMESPACE + "/" + name + " at " + to + " with " + replicas
                + " replicas and spec.upgrade.strategy BlueGreen (a running RollingUpdate cluster cannot switch yet)");
        ClusterSpec initial = ClusterSpec.of(to, null, replicas);
        client.resource(Fabric8Adapters.raftCluster(new ClusterKey(NAMESPACE, name),
                initial.withUpgrade(initial.upgrade().withStrategy(UpgradeStrategy.BLUE_GREEN)))).create();
        if (!follow(client, deadline, s -> s != null && s.currentVersion != null)) {
            return end(cluster, "timeout", null, 1);
        }
        target = thenBlueGreen;
        say(name + " runs " + to + " as Blue; asking for " + target + ": Green is created beside it");
        requested = Instant.now();
        boolean ended = askAndFollow(client, cluster, deadline, Map.of("version", target));
        RaftClusterStatus status = SandboxView.status(client, NAMESPACE, name);
        if (!ended) {
            return end(cluster, "timeout", status, 1);
        }
        if (converged(status)) {
            say("done: " + NAME + " runs " + to + " (rolling), " + name + " runs " + target + " (blue/green)");
            return end(cluster, "converged", status, rollingCode);
        }
        say("blocked: " + SandboxView.blocked(status));
        return end(cluster, "blocked", status, 2);
    }

    /** A fault as {@code --fault} spells it. */
    private static String name(SandboxFault fault) {
        if (fault instanceof SandboxFault.ControllerCrash c) {
            return "controller-crash@" + c.write();
        }
        if (fault instanceof SandboxFault.Conflict c) {
            return "conflict@" + c.write();
        }
        if (fault instanceof SandboxFault.PodNeverReady p) {
            return "pod-never-ready@" + p.ordinal();
        }
        if (fault instanceof SandboxFault.JobFail j) {
            return "job-fail@" + j.action();
        }
        return fault.toString();
    }

    /** Sets {@code spec.backup} with a trigger token; the status once the backup ended, null on timeout. */
    private RaftClusterStatus manualBackup(KubernetesClient client, ClusterRuntime cluster, Instant deadline)
            throws InterruptedException {
        patchSpec(client, Map.of("backup", Map.of("schedule", "@daily", "requests", Map.of("trigger", BACKUP_TOKEN))));
        cluster.record(name, "operator", l -> l.put("request", "backup").put("token", BACKUP_TOKEN));
        boolean ended = follow(client, deadline, s -> s != null && (backupFailure(s) != null || (s.requests != null
                && BACKUP_TOKEN.equals(s.requests.lastHandledBackupTrigger) && s.backup != null
                && s.backup.activeRun == null && s.backup.lastBackupJob != null)));
        return ended ? SandboxView.status(client, NAMESPACE, name) : null;
    }

    /**
     * A person's edit of the spec: a merge patch without resourceVersion, so it never conflicts with the
     * controller's status writes.
     */
    private RaftCluster patchSpec(KubernetesClient client, Map<String, Object> spec) {
        return client.resources(RaftCluster.class).inNamespace(NAMESPACE).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization()
                        .asJson(Map.of("spec", spec)));
    }

    private static String backupFailure(RaftClusterStatus s) {
        return s.backup == null || s.backup.lastFailure == null ? null
                : s.backup.lastFailure.reason + ": " + s.backup.lastFailure.message;
    }

    private boolean converged(RaftClusterStatus s) {
        return s != null && SemVer.canonical(target).equals(s.currentVersion) && s.upgrade == null
                && (s.blueGreen == null || s.blueGreen.phase == null || "Idle".equals(s.blueGreen.phase));
    }

    private UpgradeStrategy strategy() {
        return UpgradeStrategy.fromWire(strategy);
    }

    /** Prints every change until {@code done} holds of the status or the deadline passes. */
    private boolean follow(KubernetesClient client, Instant deadline, Predicate<RaftClusterStatus> done)
            throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            show(client);
            if (done.test(SandboxView.status(client, NAMESPACE, name))) {
                show(client);
                return true;
            }
            Thread.sleep(100);
        }
        say("timed out after " + timeoutSeconds + " s");
        return false;
    }

    private void show(KubernetesClient client) {
        environment.takeNotices().forEach(this::say);
        SandboxLine line = SandboxView.line(client, NAMESPACE, name, WIDTH - TIME_COLUMN);
        if (!line.text().equals(lastLine)) {
            lastLine = line.text();
            say(line);
        }
    }

    private int end(ClusterRuntime cluster, String result, RaftClusterStatus status, int code) {
        return end(cluster, result, status, code, true);
    }

    /** Records {@code run.end} of the current cluster; {@code last}: no other leg of the tour follows. */
    private int end(ClusterRuntime cluster, String result, RaftClusterStatus status, int code, boolean last) {
        String reason = SandboxView.blocked(status);
        cluster.settle(); // the trace ends with the status the run ended on
        cluster.record(name, "run.end", l -> l.put("result", result)
                .put("currentVersion", status == null ? null : status.currentVersion).put("reason", reason));
        Instant now = Instant.now();
        summaries.add(SandboxSummary.of(NAMESPACE + "/" + name, legFrom, target, name.equals(NAME)
                ? strategy().wireName() : UpgradeStrategy.BLUE_GREEN.wireName(), result, cluster.traceLines(name),
                Duration.between(legStarted, now), requested == null ? null : Duration.between(requested, now)));
        if (last) {
            summaries.forEach(s -> say(s.text()));
        }
        if (trace != null && last) {
            say("trace written to " + trace);
        }
        return code;
    }

    private void say(String text) {
        say(SandboxLine.words(text));
    }

    /** Prints {@code line} after the time since the start, wrapped to {@link #WIDTH} columns. */
    private void say(SandboxLine line) {
        List<String> lines = line.wrapped(WIDTH - TIME_COLUMN);
        out.printf("%7.1fs  %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, lines.get(0));
        for (String more : lines.subList(1, lines.size())) {
            out.printf("%" + TIME_COLUMN + "s%s%n", "", more);
        }
        out.flush();
    }
}
