package dev.raftops.benchmarks.endtoend;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.controller.ControllerRuntime;
import dev.raftops.controller.ControllerSettings;
import dev.raftops.controller.cli.Fabric8Wiring;
import dev.raftops.simulator.runtime.ClusterRuntime;
import dev.raftops.simulator.runtime.PodEndpoints;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The world of an end-to-end run, wired as {@code SandboxEnvironment} wires the sandbox: the
 * embedded API server (fabric8 CRUD mock, here with a {@link CountingDispatcher}) with the
 * RaftCluster CRD, the simulated cluster runtime playing one namespace, and the real controller,
 * here in its own JVM ({@link ControllerProcess}). Runtime, controller and driver each use their
 * own client and User-Agent. The driver watches RaftClusters to timestamp each convergence.
 */
final class EndToEndWorld implements AutoCloseable {

    static final String NAMESPACE = "perf";
    static final String FROM_VERSION = "2.4.0";

    private final KubernetesMockServer server;
    private final RequestLedger ledger;
    private final Config base;
    private final KubernetesClient runtimeClient;
    private final KubernetesClient user;
    private final ClusterRuntime runtime;
    private final SharedIndexInformer<RaftCluster> watch;
    private final Convergence convergence = new Convergence();
    private ControllerHandle controller;
    /** A controller in this JVM ({@link #startControllerHere}), probing the pods where the runtime serves them. */
    private ControllerRuntime here;
    private KubernetesClient hereClient;

    EndToEndWorld(ClusterRuntime.Settings settings) {
        Logger.getLogger("").setLevel(Level.WARNING); // MockWebServer logs every request at INFO
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        this.ledger = new RequestLedger();
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new CountingDispatcher(ledger), false);
        server.init();
        try (KubernetesClient probe = server.createClient()) {
            this.base = new ConfigBuilder(probe.getConfiguration()).withNamespace(NAMESPACE).build();
        }
        this.user = AgentClients.build(base, CountingDispatcher.USER_AGENT);
        try (InputStream crd = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            user.resource(user.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class)).create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.runtimeClient = AgentClients.build(base, CountingDispatcher.RUNTIME_AGENT);
        this.runtime = new ClusterRuntime(runtimeClient, settings, Clock.systemUTC());
        this.watch = user.resources(RaftCluster.class).inNamespace(NAMESPACE).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(RaftCluster obj) {
                convergence.seen(obj);
            }

            @Override
            public void onUpdate(RaftCluster oldObj, RaftCluster newObj) {
                convergence.seen(newObj);
            }

            @Override
            public void onDelete(RaftCluster obj, boolean deletedFinalStateUnknown) {
            }
        }, 0);
    }

    /** Default runtime settings of the runs: no trace file (the dispatcher's timestamps are used). */
    static ClusterRuntime.Settings settings(long seed, Duration tick, Duration readyDelay) {
        return new ClusterRuntime.Settings(NAMESPACE, seed, tick, readyDelay, readyDelay.dividedBy(2), null, null);
    }

    static String name(int i) {
        return String.format("bao%04d", i);
    }

    void startRuntime() {
        runtime.start();
    }

    void startController(int workers, List<String> jvm, Path log) {
        controller = ControllerHandle.start(base.getMasterUrl(), NAMESPACE, workers, jvm, log);
    }

    /**
     * Starts the real controller in this JVM, its member probe reaching each pod's OpenBao API where
     * the runtime serves it (as the sandbox wires it): for runs that compare {@code raftState: api} with
     * {@code labels}, which a controller in another JVM cannot probe.
     */
    void startControllerHere(int workers) throws IOException {
        hereClient = AgentClients.build(base, CountingDispatcher.CONTROLLER_AGENT);
        PodEndpoints pods = runtime.podEndpoints();
        here = new ControllerRuntime(hereClient, new ControllerSettings(List.of(NAMESPACE), false, "perf", NAMESPACE,
                0, 0, workers), (c, clock) -> Fabric8Wiring.create(c, clock, (key, pod, plain) -> URI.create(
                        pods.address(pod))), Clock.systemUTC());
        here.start();
    }

    ClusterRuntime runtime() {
        return runtime;
    }

    /** Passes of the in-JVM controller's RaftCluster queue so far. */
    long passesHere() {
        var timer = here.registry().find("raftops_reconcile_duration").tag("controller", "adminops").timer();
        return timer == null ? 0 : timer.count();
    }

    ControllerHandle controller() {
        return controller;
    }

    void stopController() {
        controller.close();
        controller = null;
    }

    RequestLedger ledger() {
        return ledger;
    }

    /** Creates a RaftCluster at {@link #FROM_VERSION}, expected to converge on it. */
    void create(String cluster, int replicas) {
        create(cluster, ClusterSpec.of(FROM_VERSION, null, replicas));
    }

    /** Creates a RaftCluster of {@code spec} (at {@link #FROM_VERSION}), expected to converge on it. */
    void create(String cluster, ClusterSpec spec) {
        RaftCluster cr = user.resource(Fabric8Adapters.raftCluster(new ClusterKey(NAMESPACE, cluster), spec)).create();
        expect(cluster, FROM_VERSION, cr.getMetadata().getGeneration());
    }

    /** A user's {@code kubectl patch} of the version; returns the nanoTime the server had applied it. */
    long upgrade(String cluster, String version) {
        RaftCluster cr = user.resources(RaftCluster.class).inNamespace(NAMESPACE).withName(cluster)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"version\":\"" + version + "\"}}");
        long at = System.nanoTime();
        expect(cluster, version, cr.getMetadata().getGeneration());
        return at;
    }

    /**
     * Raft leadership of {@code cluster} (its StatefulSet has the cluster's name) moves to pod
     * {@code ordinal}, as a spontaneous election would; false when it leads already or is not Ready.
     */
    boolean moveLeader(String cluster, int ordinal) {
        return runtime.changeLeader(cluster, ordinal);
    }

    /** A metadata-only change (an annotation): wakes the controller with nothing to do. */
    void touch(String cluster, String value) {
        user.resources(RaftCluster.class).inNamespace(NAMESPACE).withName(cluster)
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"perf.raftops.dev/touch\":\"" + value + "\"}}}");
    }

    private void expect(String cluster, String version, Long generation) {
        convergence.expect(cluster, version, generation, watch.getStore().getByKey(NAMESPACE + "/" + cluster));
    }

    /**
     * Waits until every cluster converged on its expected version; returns cluster → nanoTime first
     * seen converged. Throws with the stragglers' status when {@code timeout} passes.
     */
    Map<String, Long> awaitConverged(Collection<String> clusters, Duration timeout) throws InterruptedException {
        return convergence.await(clusters, timeout, straggler -> {
            RaftCluster cr = watch.getStore().getByKey(NAMESPACE + "/" + straggler);
            return cr == null ? "absent" : user.getKubernetesSerialization().asJson(cr.getStatus());
        });
    }

    @Override
    public void close() {
        try {
            if (controller != null) {
                controller.close();
            }
            if (here != null) {
                here.close();
                hereClient.close();
            }
        } finally {
            watch.stop();
            runtime.close();
            runtimeClient.close();
            user.close();
            server.destroy();
        }
    }
}
