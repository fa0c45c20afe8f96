package dev.raftops.sandbox;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sandbox's API server: fabric8's mock server in CRUD mode, answering {@code writes}, with raftops' CRDs. */
final class SandboxApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxApiServer.class);

    private SandboxApiServer() {
    }

    static KubernetesMockServer start(ControllerWrites writes) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                writes, false);
        server.init();
        try (KubernetesClient client = server.createClient();
                InputStream crd = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE);
                InputStream restores = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.RESTORE_CRD_RESOURCE)) {
            client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
            client.resource(client.getKubernetesSerialization().unmarshal(restores, CustomResourceDefinition.class))
                    .create();
        } catch (IOException e) {
            server.destroy();
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** The run is over: a server slow to stop (its event loop busy on a loaded machine) is a warning, not a failure. */
    static void stop(KubernetesMockServer server) {
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            LOG.warn("the embedded API server did not stop in time: {}", e.getMessage());
        }
    }
}
