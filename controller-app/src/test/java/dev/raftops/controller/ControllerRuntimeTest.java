package dev.raftops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.adapters.fabric8.AdapterSettings;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ControllerRuntimeTest {

    KubernetesClient client;

    @BeforeEach
    void crd() throws Exception {
        try (InputStream in = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
        }
    }

    ControllerRuntime runtime() {
        return new ControllerRuntime(client, new ControllerSettings(List.of("ns"), false, "test", "ns", 0, 0, 1),
                (c, clock) -> {
                    Fabric8Adapters a = new Fabric8Adapters(c, AdapterSettings.openBao(), clock);
                    return new ControllerRuntime.Wiring(a.statusPort(), a.clusterObserver(), a.workloadPort(), a.jobPort(),
                            a.eventPort(), a.workloadReconciliation()::reconcile);
                }, Clock.systemUTC());
    }

    @Test
    void aNewClusterGetsItsWorkloadAndAStatusThatSaysItIsInitializing() throws Exception {
        try (ControllerRuntime runtime = runtime()) {
            runtime.start();
            await().atMost(Duration.ofSeconds(10)).until(runtime::ready);
            client.resource(Fabric8Adapters.raftCluster(new ClusterKey("ns", "db"), ClusterSpec.of("2.4.0", null, 3)))
                    .create();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(client.apps().statefulSets().inNamespace("ns").withName("db").get()).isNotNull();
                RaftCluster cr = client.resources(RaftCluster.class).inNamespace("ns").withName("db").get();
                assertThat(cr.getStatus()).isNotNull();
                assertThat(cr.getStatus().phase).isEqualTo("Initializing");
                assertThat(cr.getStatus().observedGeneration).isEqualTo(1L);
                // the workload controller has its own queue: its Services may follow the status by a moment
                assertThat(client.services().inNamespace("ns").list().getItems()).hasSize(2);
            });

            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + runtime.healthPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("raftops_reconcile_duration_seconds_count{controller=\"adminops\"")
                    .contains("raftops_queue_depth{controller=\"workload\"");
        }
    }
    @Test
    void healthAndMetricsListenOnEveryInterfaceByDefaultAsInAPod() throws Exception {
        try (ControllerRuntime runtime = runtime()) {
            runtime.start();

            assertThat(runtime.endpointAddresses()).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getAddress().isAnyLocalAddress()).as(a.toString()).isTrue());
        }
    }

    @Test
    void healthAndMetricsListenOnlyOnTheBindAddressWhenOneIsGiven() throws Exception {
        ControllerSettings loopback = new ControllerSettings(List.of("ns"), false, "test", "ns", 0, 0, 1,
                java.net.InetAddress.getLoopbackAddress());
        try (ControllerRuntime runtime = new ControllerRuntime(client, loopback, (c, clock) -> {
            Fabric8Adapters a = new Fabric8Adapters(c, AdapterSettings.openBao(), clock);
            return new ControllerRuntime.Wiring(a.statusPort(), a.clusterObserver(), a.workloadPort(), a.jobPort(),
                    a.eventPort(), a.workloadReconciliation()::reconcile);
        }, Clock.systemUTC())) {
            runtime.start();

            assertThat(runtime.endpointAddresses()).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).as(a.toString()).isTrue());
        }
    }

    /**
     * Another replica takes the Lease while this one's workload pass is under way: the pass was
     * started by the leader, but its writes come after leadership is lost, so the fence refuses them.
     */
    @Test
    void aWorkloadPassUnderWayWhenTheLeaseIsLostWritesNothing() throws Exception {
        ControllerRuntime[] self = new ControllerRuntime[1];
        AtomicBoolean usurped = new AtomicBoolean();
        AtomicInteger passes = new AtomicInteger();
        ControllerSettings settings = new ControllerSettings(List.of("ns"), true, "deposed", "ns", 0, 0,
                1, Duration.ofSeconds(3));
        try (ControllerRuntime runtime = new ControllerRuntime(client, settings, (c, clock) -> {
            Fabric8Adapters a = new Fabric8Adapters(c, AdapterSettings.openBao(), clock);
            return new ControllerRuntime.Wiring(a.statusPort(), a.clusterObserver(), a.workloadPort(), a.jobPort(),
                    a.eventPort(), (key, mayWrite) -> {
                        passes.incrementAndGet();
                        if (usurped.compareAndSet(false, true)) {
                            takeTheLeaseFrom(self[0]);
                        }
                        return a.workloadReconciliation().reconcile(key, mayWrite);
                    });
        }, Clock.systemUTC())) {
            self[0] = runtime;
            runtime.start();
            await().atMost(Duration.ofSeconds(20)).until(runtime::leading);
            client.resource(Fabric8Adapters.raftCluster(new ClusterKey("ns", "db"), ClusterSpec.of("2.4.0", null, 3)))
                    .create();

            await().atMost(Duration.ofSeconds(30)).until(() -> passes.get() > 0 && !runtime.leading());
            // the loops stop once leadership is lost: any pass still under way has returned by then
            runtime.close();
            assertThat(client.apps().statefulSets().inNamespace("ns").list().getItems()).as("no StatefulSet").isEmpty();
            assertThat(client.services().inNamespace("ns").list().getItems()).as("no Service").isEmpty();
            assertThat(client.policy().v1().podDisruptionBudget().inNamespace("ns").list().getItems())
                    .as("no PodDisruptionBudget").isEmpty();
        }
    }

    /** Writes the Lease as another replica would, until {@code runtime} has seen that it lost it. */
    private void takeTheLeaseFrom(ControllerRuntime runtime) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                client.leases().inNamespace("ns").withName("raftops-controller").edit(l -> {
                    Lease taken = l;
                    taken.getSpec().setHolderIdentity("usurper");
                    taken.getSpec().setRenewTime(ZonedDateTime.now());
                    taken.getSpec().setLeaseDurationSeconds(60);
                    return taken;
                });
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                // a renewal of the old holder won the race: take it again
            }
            return !runtime.leading();
        });
    }
}
