package dev.raftops.controller.cli;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code raftops status NAME}: one RaftCluster as a person wants to see it, once or watched. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a RaftCluster of the cluster of the kubeconfig ($KUBECONFIG, else ~/.kube/config): its "
                + "members (ordinal, pod, version, ready, leader, voter, lag, sealed), the operation in flight and "
                + "what it waits for, the lock, the backups, the conditions and recent Events."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:shown (with --watch: stopped by SIGINT)", "1:the Kubernetes API could not be read",
            "2:a bad option, no Kubernetes API configured, or no such RaftCluster"})
public final class StatusCommand implements Callable<Integer> {

    static final long WATCH_MILLIS = 2000;

    @Parameters(index = "0", paramLabel = "NAME", description = "The RaftCluster's name.")
    String name;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Its namespace (default: the kubeconfig context's namespace, else default).")
    String namespace;

    @Option(names = "--watch", description = "Keep showing it: redrawn in place on a terminal; when piped, only the "
            + "lines that changed, each prefixed with the time.")
    boolean watch;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // the client warns on every read of a v1alpha1 resource, and its event loop when a cold JVM on a busy
        // machine takes seconds to read the first answer; a person asked for the status, not for those
        System.setProperty("org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
                "off");
        System.setProperty("org.slf4j.simpleLogger.log.io.vertx.core.impl.BlockedThreadChecker", "off");
        PrintWriter err = spec.commandLine().getErr();
        if (!output.equals("text") && !output.equals("json")) {
            err.println("raftops status: --output " + output + ": must be text or json");
            return 2;
        }
        Optional<Config> found = KubernetesApi.configOrSay("status", err);
        if (found.isEmpty()) {
            return 2;
        }
        Config config = found.get();
        String ns = namespace != null ? namespace : config.getNamespace() != null ? config.getNamespace() : "default";
        ClusterKey key = new ClusterKey(ns, name);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            return watch ? watch(client, key) : once(client, key);
        } catch (KubernetesClientException e) {
            err.println("raftops status: cannot read RaftCluster " + key + " from " + config.getMasterUrl() + ": "
                    + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                            : rootCause(e)));
            return 1;
        }
    }

    private int once(KubernetesClient client, ClusterKey key) {
        Optional<ClusterReport> report = StatusReading.read(client, key, Clock.systemUTC(), true);
        if (report.isEmpty()) {
            return notFound(key);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.equals("json") ? new KubernetesSerialization().asJson(report.get()) + "\n"
                : StatusText.render(report.get(), true));
        out.flush();
        return 0;
    }

    private int watch(KubernetesClient client, ClusterKey key) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = System.console() != null && output.equals("text");
        List<String> shown = List.of();
        while (!Thread.currentThread().isInterrupted()) {
            Optional<ClusterReport> report = StatusReading.read(client, key, Clock.systemUTC(), terminal);
            if (report.isEmpty()) {
                return notFound(key);
            }
            if (terminal) {
                out.print("\033[H\033[2J" + StatusText.render(report.get(), true));
            } else {
                List<String> now = output.equals("json") ? List.of(new KubernetesSerialization().asJson(report.get()))
                        : StatusText.render(report.get(), false).lines().toList();
                String at = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " ";
                LinkedHashSet<String> before = new LinkedHashSet<>(shown);
                for (String line : now) {
                    if (!before.contains(line)) {
                        out.println(at + line);
                    }
                }
                shown = now;
            }
            out.flush();
            Thread.sleep(WATCH_MILLIS);
        }
        return 0;
    }

    private int notFound(ClusterKey key) {
        spec.commandLine().getErr().println("raftops status: no RaftCluster " + key.name() + " in namespace "
                + key.namespace());
        return 2;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
