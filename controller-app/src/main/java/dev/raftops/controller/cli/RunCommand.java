package dev.raftops.controller.cli;

import dev.raftops.controller.ControllerRuntime;
import dev.raftops.controller.ControllerSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code raftops run}: the controller against the cluster of the usual kubeconfig or in-cluster config. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the controller against a Kubernetes cluster: the kubeconfig ($KUBECONFIG, else "
                + "~/.kube/config) or, in a pod, the in-cluster service account.",
            "With leader election (the default) every replica competes for the raftops-controller Lease in "
                + "$POD_NAMESPACE (default: raftops-system) and only the holder acts; the others wait as standbys."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:stopped on request (SIGTERM or SIGINT); the Lease is released first",
            "1:the Lease was lost (the pod restarts as a standby) or the controller failed",
            "2:a bad option, or no Kubernetes API found (nothing was started)"})
public final class RunCommand implements Callable<Integer> {

    /** How long a graceful stop may take (finishing the passes in flight, releasing the Lease). */
    private static final long STOP_SECONDS = 20;

    @Option(names = "--namespace", paramLabel = "NAMESPACE",
            description = "Namespace to watch; repeat for several (default: all namespaces).")
    List<String> namespaces = new ArrayList<>();

    // picocli sets a negatable option to the opposite of its default unless fallbackValue says what the
    // positive form means: without it --leader-election would turn election off
    @Option(names = "--leader-election", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compete for the raftops-controller Lease before acting; --no-leader-election acts at "
                    + "once (one replica only) (default: ${DEFAULT-VALUE}).")
    boolean leaderElection;

    @Option(names = "--lease-duration", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long the Lease lasts without renewal, in whole seconds (at least 2): a standby takes "
                    + "over this long after the holder stopped (default: ${DEFAULT-VALUE}).")
    long leaseDurationSeconds;

    @Option(names = "--health-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port of /healthz and /readyz; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int healthPort;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of /metrics (Prometheus); 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--workers", paramLabel = "COUNT", defaultValue = "4",
            description = "Workers per controller queue, at least 1 (default: ${DEFAULT-VALUE}).")
    int workers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What {@code run} would start with, from the parsed options and the pod's environment. */
    ControllerSettings settings() {
        String identity = env("POD_NAME", "raftops-" + ProcessHandle.current().pid());
        String leaseNamespace = env("POD_NAMESPACE", "raftops-system");
        return new ControllerSettings(namespaces, leaderElection, identity, leaseNamespace, healthPort,
                metricsPort, workers, Duration.ofSeconds(leaseDurationSeconds));
    }

    /** The first option out of range, as one line naming it, its value and what is allowed; null if none. */
    String invalidOption() {
        if (leaseDurationSeconds < 2) {
            return "--lease-duration " + leaseDurationSeconds + ": must be a whole number of seconds, at least 2";
        }
        if (healthPort < 0 || healthPort > 65535) {
            return "--health-port " + healthPort + ": must be a port from 0 to 65535 (0 picks a free one)";
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            return "--metrics-port " + metricsPort + ": must be a port from 0 to 65535 (0 picks a free one)";
        }
        if (workers < 1) {
            return "--workers " + workers + ": must be at least 1";
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String invalid = invalidOption();
        if (invalid != null) {
            err.println("raftops run: " + invalid);
            return 2;
        }
        Optional<Config> found = KubernetesApi.configOrSay("run", err);
        if (found.isEmpty()) {
            return 2;
        }
        Config config = found.get();
        ControllerSettings settings = settings();
        try (StopSignal stop = new StopSignal(Duration.ofSeconds(STOP_SECONDS));
                KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
                ControllerRuntime runtime = new ControllerRuntime(client, settings, Fabric8Wiring::create,
                        Clock.systemUTC())) {
            runtime.onLeadershipLost(stop::leaseLost);
            String unreachable = unreachable(client);
            if (unreachable != null) {
                err.println("raftops run: cannot reach the Kubernetes API at " + config.getMasterUrl() + ": "
                        + unreachable);
                return 1;
            }
            try {
                runtime.start();
            } catch (IOException e) {
                err.println("raftops run: cannot serve /healthz, /readyz and /metrics on ports " + healthPort + " and "
                        + metricsPort + ": " + e.getMessage());
                return 1;
            } catch (KubernetesClientException e) {
                err.println("raftops run: cannot reach the Kubernetes API at " + config.getMasterUrl() + ": "
                        + rootCause(e));
                return 1;
            }
            stop.await();
            // leaving the block closes the runtime (the passes in flight finish, the Lease is released), then the
            // client, then the signal, which lets a shutdown under way halt the JVM with exit code 0
            if (stop.leaseWasLost()) {
                err.println("raftops run: " + settings.identity() + " lost the raftops-controller Lease; exiting so "
                        + "the pod restarts as a standby");
                return 1;
            }
            return 0;
        }
    }

    /**
     * Why the API server gives no answer at all (refused, unknown host, timeout), or null once it
     * answers anything: asked before the informers start, which would log a stack trace instead.
     */
    private static String unreachable(KubernetesClient client) {
        try {
            client.getKubernetesVersion();
            return null;
        } catch (KubernetesClientException e) {
            return e.getCode() > 0 ? null : rootCause(e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
