package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.sandbox.SandboxFault;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code raftops sandbox}: an embedded API server (the fabric8 CRUD mock), the simulated cluster
 * runtime and the real controller, touring a rolling upgrade, a manual backup and a blue/green
 * upgrade while printing every change ({@link SandboxTour}). This class is the command line: its
 * options, checked before anything starts ({@link SandboxOptionsCheck}).
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the cluster runs its target version, no upgrade in flight",
            "1:--timeout passed", "2:blocked (the reason is printed) or a bad option (one line, nothing started)"},
        description = {"Run the real controller against an embedded API server and a simulated cluster: create a "
                + "RaftCluster at --from, wait until it runs, ask for --to, and print the view at each change "
                + "(pods with version, Ready and leader; partition; running Jobs; phase; lock). Then, unless "
                + "--no-backup, ask for a manual backup (spec.backup with schedule @daily and requests.trigger). "
                + "Then, after a RollingUpdate run and unless --then-blue-green none, switch the same cluster to "
                + "BlueGreen (the StatefulSet it rolled becomes Blue, no pod restarts) and upgrade it to "
                + "--then-blue-green (2.5.0).",
            "Every option is checked before anything starts. By default stdout shows only the view (lines of at "
                + "most " + SandboxCommand.WIDTH + " columns) and a summary per cluster; the logs go to a file named "
                + "at the end (--log), --verbose shows them in between.",
            "--strategy BlueGreen tours a blue/green cutover instead (Green joins Blue's Raft, is promoted, "
                + "traffic switches, Blue goes).",
            "--fault injects a fault (repeatable): controller-crash@N (the controller is discarded and restarted "
                + "after its N-th write), conflict@N (its N-th write is answered 409), pod-never-ready@ORDINAL (that "
                + "pod never becomes Ready on the new version), job-fail@ACTION (the executor of the first Job of that "
                + "action meets a broken snapshot stream or a rejected login; repeat for more), api-refused@ORDINAL / "
                + "api-sealed@ORDINAL (that pod's OpenBao API refuses connections / answers sealed on the new "
                + "version). Writes are counted from the request for --to."})
public final class SandboxCommand implements Callable<Integer> {

    /** The widest line printed, the time column included (docs/decisions/sandbox-input-and-output.md). */
    static final int WIDTH = 100;
    /** The mock server logs every request; a person wants the cluster's changes, not the HTTP traffic. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger(
            "io.fabric8.mockwebserver");

    @Option(names = "--scenario", paramLabel = "SCENARIO", defaultValue = "tour",
            description = "What to show: tour (the guided tour), restart (a rolling restart through "
                    + "spec.maintenance.restartAt) or restore (a manual backup, then a RaftRestore of the latest one); "
                    + "restart and restore run one cluster at --from.")
    String scenario;

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

    @Option(names = "--timeline", paramLabel = "FILE", description = "At the end of the tour, write its timeline "
            + "(one HTML page, as raftops timeline writes it) to this file and print its path (default: none).")
    Path timeline;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "At the start, write a kubeconfig for the "
            + "sandbox's API server to this file and print export KUBECONFIG=FILE, for kubectl and raftops status "
            + "(default: none).")
    Path kubeconfig;

    @Option(names = "--keep", description = "After the tour, keep the API server, the controller and the simulated "
            + "pods running, and keep printing the view of demo, until interrupted (Ctrl-C).")
    boolean keep;

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
                    + "job-fail@ACTION, api-refused@ORDINAL, api-sealed@ORDINAL.")
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
            description = "After a RollingUpdate run converged, switch the cluster to the BlueGreen strategy and "
                    + "upgrade it to VERSION; none skips it.")
    String thenBlueGreen;

    @Override
    public Integer call() throws Exception {
        SandboxOptionsCheck.check(this, spec.commandLine());
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        SandboxConsole console = new SandboxConsole(spec.commandLine().getOut(), Instant.now());
        SandboxLogFile logFile = verbose ? null : SandboxLogFile.open(log != null ? log
                : java.nio.file.Files.createTempFile("raftops-sandbox-", ".log"));
        try {
            return new SandboxTour(this, console).run();
        } finally {
            if (logFile != null) {
                logFile.close();
                console.say("logs written to " + logFile.path());
            }
        }
    }

    SandboxScenario scenario() {
        return SandboxScenario.parse(scenario);
    }

    UpgradeStrategy strategy() {
        return UpgradeStrategy.fromWire(strategy);
    }
}
