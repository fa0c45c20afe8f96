package dev.raftops.controller.cli;

import dev.raftops.controller.ControllerRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code raftops run}: the controller against the cluster of the usual kubeconfig or in-cluster config. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the controller against a Kubernetes cluster (kubeconfig or in-cluster config).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--namespace", description = "Namespace to watch (repeatable; default: all namespaces).")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--leader-election", negatable = true, defaultValue = "true",
            description = "Compete for the raftops-controller Lease before acting (default: ${DEFAULT-VALUE}).")
    boolean leaderElection;

    @Option(names = "--health-port", defaultValue = "8081", description = "Port of /healthz and /readyz.")
    int healthPort;

    @Option(names = "--metrics-port", defaultValue = "8080", description = "Port of /metrics (Prometheus).")
    int metricsPort;

    @Option(names = "--workers", defaultValue = "4", description = "Workers per controller queue.")
    int workers;

    @Override
    public Integer call() throws Exception {
        String identity = env("POD_NAME", "raftops-" + ProcessHandle.current().pid());
        String leaseNamespace = env("POD_NAMESPACE", "raftops-system");
        ControllerRuntime.Settings settings = new ControllerRuntime.Settings(namespaces, leaderElection, identity,
                leaseNamespace, healthPort, metricsPort, workers);
        CountDownLatch stop = new CountDownLatch(1);
        try (KubernetesClient client = new KubernetesClientBuilder().build();
                ControllerRuntime runtime = new ControllerRuntime(client, settings, Fabric8Wiring::create,
                        Clock.systemUTC())) {
            runtime.onLeadershipLost(stop::countDown);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "raftops-shutdown"));
            runtime.start();
            stop.await();
        }
        return 0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
