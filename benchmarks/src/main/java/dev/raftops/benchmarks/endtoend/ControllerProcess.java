package dev.raftops.benchmarks.endtoend;

import com.sun.management.OperatingSystemMXBean;
import dev.raftops.adapters.fabric8.AdapterSettings;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.controller.ControllerRuntime;
import dev.raftops.controller.ControllerSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The real controller ({@link ControllerRuntime} on the fabric8 adapters, as {@code raftops run}
 * wires it) in a JVM of its own, so its CPU time and heap are measured apart from the API server
 * and the simulated cluster. Started by {@link ControllerHandle}; answers one line on stdout per
 * command line on stdin ({@code sample}, {@code gc}, {@code quit}); logs go to stderr.
 *
 * <p>Arguments: the API server URL, the namespace to watch, the number of workers per queue.
 */
public final class ControllerProcess {

    private ControllerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String master = args[0];
        String namespace = args[1];
        int workers = Integer.parseInt(args[2]);
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(master).withNamespace(namespace)
                .withTrustCerts(true).build();
        ControllerSettings settings = new ControllerSettings(List.of(namespace), false, "perf",
                namespace, 0, 0, workers);
        try (KubernetesClient client = AgentClients.build(config, CountingDispatcher.CONTROLLER_AGENT);
                ControllerRuntime runtime = new ControllerRuntime(client, settings, ControllerProcess::wiring,
                        Clock.systemUTC())) {
            runtime.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null && !"quit".equals(command)) {
                if ("gc".equals(command)) {
                    System.gc();
                    System.gc();
                }
                System.out.println(sample(runtime));
                System.out.flush();
            }
        }
    }

    static ControllerRuntime.Wiring wiring(KubernetesClient client, Clock clock) {
        Fabric8Adapters adapters = new Fabric8Adapters(client, AdapterSettings.openBao(), clock);
        return new ControllerRuntime.Wiring(adapters.statusPort(), adapters.clusterObserver(), adapters.workloadPort(),
                adapters.jobPort(), adapters.eventPort(), adapters.workloadReconciliation()::reconcile);
    }

    /** {@code ready cpuNanos heapUsed heapCommitted adminPasses workloadPasses threads}. */
    private static String sample(ControllerRuntime runtime) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return runtime.ready() + " " + os.getProcessCpuTime() + " " + memory.getHeapMemoryUsage().getUsed() + " "
                + memory.getHeapMemoryUsage().getCommitted() + " " + passes(runtime, "adminops") + " "
                + passes(runtime, "workload") + " " + ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long passes(ControllerRuntime runtime, String controller) {
        Timer timer = runtime.registry().find("raftops_reconcile_duration").tag("controller", controller).timer();
        return timer == null ? 0 : timer.count();
    }
}
