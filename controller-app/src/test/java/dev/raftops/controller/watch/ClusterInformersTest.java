package dev.raftops.controller.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
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
        CopyOnWriteArrayList<String> clusters = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<ClusterKey> podsAndJobs = new CopyOnWriteArrayList<>();
        try (ClusterInformers informers = new ClusterInformers(client, "ns", (key, rv) -> clusters.add(key + "@" + rv),
                (key, change) -> sets.add(key), podsAndJobs::add)) {
            await().atMost(Duration.ofSeconds(10)).until(informers::synced);
            String rv = client.genericKubernetesResources(ClusterInformers.RAFT_CLUSTERS).inNamespace("ns")
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("raftops.dev/v1alpha1")
                            .withKind("RaftCluster").withNewMetadata().withName("db").withNamespace("ns").endMetadata()
                            .withAdditionalProperties(Map.of("spec", Map.of("version", "2.4.0"))).build())
                    .create().getMetadata().getResourceVersion();
            client.pods().inNamespace("ns").resource(new PodBuilder().withNewMetadata().withName("db-0")
                    .withLabels(managed()).endMetadata().build()).create();
            client.pods().inNamespace("ns").resource(new PodBuilder().withNewMetadata().withName("other")
                    .withLabels(Map.of("app", "web")).endMetadata().build()).create();

            await().atMost(Duration.ofSeconds(10)).until(() -> !clusters.isEmpty() && !podsAndJobs.isEmpty());
            assertThat(clusters).containsOnly(new ClusterKey("ns", "db") + "@" + rv);
            assertThat(podsAndJobs).containsOnly(new ClusterKey("ns", "db"));
            assertThat(informers.clusters()).containsExactly(new ClusterKey("ns", "db"));
        }
    }

    @Test
    void aPodOrJobChangeIsToldApartFromAStatefulSetChange() {
        CopyOnWriteArrayList<ClusterKey> podsAndJobs = new CopyOnWriteArrayList<>();
        try (ClusterInformers informers = new ClusterInformers(client, "ns", (key, rv) -> { }, (key, change) -> sets.add(key),
                podsAndJobs::add)) {
            await().atMost(Duration.ofSeconds(10)).until(informers::synced);
            client.batch().v1().jobs().inNamespace("ns").resource(new JobBuilder().withNewMetadata()
                    .withName("db-step-down-2").withLabels(managed()).endMetadata().build()).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> !podsAndJobs.isEmpty());
            assertThat(sets).isEmpty();

            client.apps().statefulSets().inNamespace("ns").resource(new StatefulSetBuilder().withNewMetadata()
                    .withName("db").withLabels(managed()).endMetadata().build()).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> !sets.isEmpty());
            assertThat(sets).containsOnly(new ClusterKey("ns", "db"));
            assertThat(podsAndJobs).containsOnly(new ClusterKey("ns", "db"));
        }
    }

    @Test
    void aDeletedClusterIsReportedWithoutAResourceVersion() {
        CopyOnWriteArrayList<String> clusters = new CopyOnWriteArrayList<>();
        try (ClusterInformers informers = new ClusterInformers(client, "ns", (key, rv) -> clusters.add(key + "@" + rv),
                (key, change) -> sets.add(key), key -> { })) {
            await().atMost(Duration.ofSeconds(10)).until(informers::synced);
            var raftClusters = client.genericKubernetesResources(ClusterInformers.RAFT_CLUSTERS).inNamespace("ns");
            raftClusters.resource(new GenericKubernetesResourceBuilder().withApiVersion("raftops.dev/v1alpha1")
                    .withKind("RaftCluster").withNewMetadata().withName("db").withNamespace("ns").endMetadata()
                    .withAdditionalProperties(Map.of("spec", Map.of("version", "2.4.0"))).build()).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> !clusters.isEmpty());
            raftClusters.withName("db").delete();
            await().atMost(Duration.ofSeconds(10)).until(() -> clusters.size() == 2);
            assertThat(clusters.get(1)).isEqualTo(new ClusterKey("ns", "db") + "@null");
        }
    }

    @Test
    void aStatefulSetStatusReportIsToldApartFromASpecChange() {
        CopyOnWriteArrayList<ClusterInformers.StatefulSetChange> changes = new CopyOnWriteArrayList<>();
        try (ClusterInformers informers = new ClusterInformers(client, "ns", (key, rv) -> { },
                (key, change) -> changes.add(change), key -> { })) {
            await().atMost(Duration.ofSeconds(10)).until(informers::synced);
            var db = client.apps().statefulSets().inNamespace("ns").resource(new StatefulSetBuilder().withNewMetadata()
                    .withName("db").withLabels(managed()).endMetadata().withNewSpec().withReplicas(3).endSpec().build());
            db.create();
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 1);

            db.editStatus(s -> new StatefulSetBuilder(s).withNewStatus().withReadyReplicas(2).endStatus().build());
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 2);
            db.edit(s -> new StatefulSetBuilder(s).editSpec().withReplicas(5).endSpec().build());
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 3);

            assertThat(changes).containsExactly(ClusterInformers.StatefulSetChange.OBJECT,
                    ClusterInformers.StatefulSetChange.STATUS, ClusterInformers.StatefulSetChange.OBJECT);
        }
    }

    private final CopyOnWriteArrayList<ClusterKey> sets = new CopyOnWriteArrayList<>();

    private static Map<String, String> managed() {
        return Map.of(ClusterKeys.CLUSTER_LABEL, "db", ClusterKeys.MANAGED_BY_LABEL, "raftops");
    }
}
