package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.controller.ControllerRuntime;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;

/**
 * One sandbox world: an embedded API server (the fabric8 CRUD mock) with the RaftCluster CRD, the
 * simulated cluster runtime playing one namespace, and the real controller watching it. Shared by
 * the {@code sandbox} command and the acceptance tests so both run exactly the same wiring.
 */
public final class SandboxEnvironment implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ClusterRuntime cluster;
    private final ControllerRuntime controller;

    private SandboxEnvironment(KubernetesMockServer server, KubernetesClient client, ClusterRuntime cluster,
            ControllerRuntime controller) {
        this.server = server;
        this.client = client;
        this.cluster = cluster;
        this.controller = controller;
    }

    /**
     * Starts the API server and installs the CRD; the runtime and the controller are built but not
     * started, so the caller can record {@code run.start} first and then call {@link #start()}.
     */
    public static SandboxEnvironment open(ClusterRuntime.Settings settings) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        KubernetesClient client = server.createClient();
        try (InputStream crd = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
        } catch (IOException e) {
            client.close();
            server.destroy();
            throw new UncheckedIOException(e);
        }
        ClusterRuntime cluster = new ClusterRuntime(client, settings, Clock.systemUTC());
        ControllerRuntime controller = new ControllerRuntime(client, new ControllerRuntime.Settings(
                List.of(settings.namespace()), false, "sandbox", settings.namespace(), 0, 0, 1),
                Fabric8Wiring::create, Clock.systemUTC());
        return new SandboxEnvironment(server, client, cluster, controller);
    }

    /** Starts the simulated cluster, then the controller. */
    public void start() throws IOException {
        cluster.start();
        controller.start();
    }

    /** A client of the embedded API server, as a user with kubectl would have. */
    public KubernetesClient client() {
        return client;
    }

    /** The simulated cluster: its trace takes the caller's own lines through {@code record}. */
    public ClusterRuntime cluster() {
        return cluster;
    }

    /** Stops the controller, then the runtime (closing the trace), then the API server. */
    @Override
    public void close() {
        try {
            controller.close();
        } finally {
            try {
                cluster.close();
            } finally {
                client.close();
                server.destroy();
            }
        }
    }
}
