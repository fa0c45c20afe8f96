package dev.raftops.controller.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ClusterInformersTest {

    KubernetesClient client;

    @Test
    void everyEventBecomesTheKeyOfItsCluster() {
        CopyOnWriteArrayList<ClusterKey> clusters = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<ClusterKey> workload = new CopyOnWriteArrayList<>();
        try (ClusterInformers informers = new ClusterInformers(client, "ns", clusters::add, workload::add)) {
            await().atMost(Duration.ofSeconds(10)).until(informers::synced);
            client.genericKubernetesResources(ClusterInformers.RAFT_CLUSTERS).inNamespace("ns")
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("raftops.dev/v1alpha1")
                            .withKind("RaftCluster").withNewMetadata().withName("db").withNamespace("ns").endMetadata()
                            .withAdditionalProperties(Map.of("spec", Map.of("version", "2.4.0"))).build())
                    .create();
            client.pods().inNamespace("ns").resource(new PodBuilder().withNewMetadata().withName("db-0")
                    .withLabels(Map.of(ClusterKeys.CLUSTER_LABEL, "db", ClusterKeys.MANAGED_BY_LABEL, "raftops"))
                    .endMetadata().build()).create();
            client.pods().inNamespace("ns").resource(new PodBuilder().withNewMetadata().withName("other")
                    .withLabels(Map.of("app", "web")).endMetadata().build()).create();

            await().atMost(Duration.ofSeconds(10)).until(() -> !clusters.isEmpty() && !workload.isEmpty());
            assertThat(clusters).containsOnly(new ClusterKey("ns", "db"));
            assertThat(workload).containsOnly(new ClusterKey("ns", "db"));
            assertThat(informers.clusters()).containsExactly(new ClusterKey("ns", "db"));
        }
    }
}
