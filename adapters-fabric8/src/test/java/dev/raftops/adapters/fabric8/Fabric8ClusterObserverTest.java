package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class Fabric8ClusterObserverTest {

    static KubernetesClient client;

    private static final ClusterKey DB = new ClusterKey("obs", "db");

    @BeforeAll
    static void cluster() {
        ClusterFixtures.installCrd(client);
        ClusterFixtures.adapters(client).workloadReconciliation()
                .reconcile(ClusterFixtures.stored(client, ClusterFixtures.cluster("obs", "db", "2.1.0", 3)));
        pod("db-0", Map.of("openbao-active", "true", "controller-revision-hash", "db-r1"), Map.of(), true);
        pod("db-1", Map.of("openbao-active", "false", "controller-revision-hash", "db-r2"),
                Map.of("raftops.dev/raft-lag", "7", "raftops.dev/version", "2.1.0"), false);
        pod("db-2", Map.of(), Map.of("raftops.dev/raft-lag", "lots", "raftops.dev/voter", "false"), true);
        pod("other-0", Map.of(), Map.of(), true); // labelled for db, but no StatefulSet of that name
        pod("db-0123456789abcdef-0", Map.of(), Map.of(), true); // a deleted blue/green colour's, not yet collected
    }

    private static void pod(String name, Map<String, String> labels, Map<String, String> annotations, boolean ready) {
        client.pods().inNamespace("obs").resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("obs").addToLabels(labels)
                .addToLabels(Labels.CLUSTER, "db").addToAnnotations(annotations).endMetadata()
                .withNewSpec().addNewContainer().withName("server").withImage("quay.io/openbao/openbao:2.1.0").endContainer()
                .endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build()).create();
    }

    private static ClusterObservation observe() {
        return new Fabric8ClusterObserver(client, AdapterSettings.openBao()).observe(DB);
    }

    @Test
    void seesTheStatefulSetWithItsTemplateImage() {
        assertThat(observe().statefulSet("db")).hasValueSatisfying(s -> {
            assertThat(s.replicas()).isEqualTo(3);
            assertThat(s.templateImage()).isEqualTo("quay.io/openbao/openbao:2.1.0");
            assertThat(s.onDelete()).isFalse();
        });
    }

    @Test
    void readsOrdinalsRevisionReadinessAndLeadershipOfEachPod() {
        Map<Integer, PodView> pods = observe().podsOf("db");
        assertThat(pods).containsOnlyKeys(0, 1, 2);
        assertThat(pods.get(0).leadership()).isEqualTo(Leadership.LEADER);
        assertThat(pods.get(0).revision()).isEqualTo("db-r1");
        assertThat(pods.get(0).ready()).isTrue();
        assertThat(pods.get(1).leadership()).isEqualTo(Leadership.FOLLOWER);
        assertThat(pods.get(1).ready()).isFalse();
        assertThat(pods.get(1).lag()).isEqualTo(7L);
        assertThat(pods.get(1).version()).isEqualTo("2.1.0");
        assertThat(pods.get(2).leadership()).isEqualTo(Leadership.UNKNOWN);
        assertThat(pods.get(2).lag()).as("malformed lag is unknown, never zero").isNull();
        assertThat(pods.get(2).voter()).isFalse();
        assertThat(pods.get(0).voter()).isTrue();
    }

    @Test
    void aPodOfNoKnownStatefulSetIsLeftOut() {
        assertThat(observe().pods()).extracting(PodView::name).doesNotContain("other-0");
    }

    @Test
    void aPodOfADeletedBlueGreenColourIsSeenUntilItIsGone() {
        assertThat(observe().podsOf("db-0123456789abcdef")).containsKey(0);
        assertThat(observe().statefulSet("db-0123456789abcdef")).isEmpty();
    }

    @Test
    void theLeaderLabelIsConfigurable() {
        ClusterObservation o = new Fabric8ClusterObserver(client, AdapterSettings.openBao().withLeaderLabel("vault-active"))
                .observe(DB);
        assertThat(o.podsOf("db").get(0).leadership()).isEqualTo(Leadership.UNKNOWN);
    }

    @Test
    void aStatefulSetWithoutTheClusterLabelIsStillTheClusters() {
        client.apps().statefulSets().inNamespace("obs").resource(new StatefulSetBuilder()
                .withNewMetadata().withName("legacy").withNamespace("obs").endMetadata()
                .withNewSpec().withReplicas(1).withNewTemplate().withNewSpec().addNewContainer().withName("server")
                .withImage("quay.io/openbao/openbao:2.0.0").endContainer().endSpec().endTemplate().endSpec()
                .build()).create();
        client.pods().inNamespace("obs").resource(new PodBuilder()
                .withNewMetadata().withName("legacy-0").withNamespace("obs").addToLabels(Labels.CLUSTER, "legacy")
                .endMetadata().build()).create();

        ClusterObservation o = new Fabric8ClusterObserver(client, AdapterSettings.openBao())
                .observe(new ClusterKey("obs", "legacy"));

        assertThat(o.statefulSet("legacy")).hasValueSatisfying(
                s -> assertThat(s.templateImage()).isEqualTo("quay.io/openbao/openbao:2.0.0"));
        assertThat(o.podsOf("legacy")).containsOnlyKeys(0);
    }
}
