package dev.raftops.acceptance.documents;

import dev.raftops.acceptance.RunProcess;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged controller jar's {@code run}, one process with the shipped Deployment's arguments,
 * against the embedded API server in CRUD mode (no schema), the simulated cluster playing the pods.
 * Its health port is chosen here so {@code /readyz} can be asked, as the kubelet's probe does.
 */
final class ProcessBackend implements DocumentWorld.Backend {

    private static final Path DEPLOYMENT = Path.of("..", "controller-app", "deploy", "base", "deployment.yaml");
    private static final String IDENTITY = "controller-a";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ClusterRuntime cluster;
    private final RunProcess process;
    private final int healthPort;

    private ProcessBackend(long seed, Path dir, Path trace) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        installCrd(client);
        cluster = new ClusterRuntime(client, new ClusterRuntime.Settings(DocumentWorld.NAMESPACE, seed,
                Duration.ofMillis(10), Duration.ofMillis(150), Duration.ofMillis(75), null, trace), Clock.systemUTC());
        cluster.start();
        healthPort = freePort();
        List<String> args = new ArrayList<>(shippedArguments());
        args.removeIf(arg -> arg.startsWith("--health-port") || arg.startsWith("--metrics-port"));
        args.addAll(List.of("--health-port", String.valueOf(healthPort), "--metrics-port", String.valueOf(freePort()),
                "--namespace", DocumentWorld.NAMESPACE, "--lease-duration", "6", "--workers", "2"));
        String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
        process = RunProcess.start(IDENTITY, url, DocumentWorld.NAMESPACE, dir, args);
    }

    static DocumentWorld start(long seed, Path dir) {
        Path trace = DocumentWorld.traceFile(seed, dir);
        return new DocumentWorld(new ProcessBackend(seed, dir, trace), trace);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> shippedArguments() {
        try {
            Deployment deployment = new KubernetesSerialization().unmarshal(Files.readString(DEPLOYMENT),
                    Deployment.class);
            List<String> shipped = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
            return shipped.subList(1, shipped.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void installCrd(KubernetesClient client) {
        try (InputStream crd = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public ClusterRuntime cluster() {
        return cluster;
    }

    @Override
    public Map<String, String> backupTarget() {
        return Map.of("bucket", "raftops-snapshots");
    }

    @Override
    public List<InetSocketAddress> healthEndpoints() {
        return List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), healthPort));
    }

    /** The process and its pid while it runs; empty once it exited (a crash). */
    @Override
    public List<String> controllers() {
        return process.alive() ? List.of(IDENTITY + "/" + process.pid()) : List.of();
    }

    /** The last lines the controller printed, for a failure message. */
    String tail() {
        return process.tail(40);
    }

    @Override
    public void close() {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cluster.close();
        client.close();
        server.destroy();
    }
}
