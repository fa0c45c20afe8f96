package dev.raftops.controller.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WireFenceTest {

    KubernetesClient client;

    final AtomicBoolean leading = new AtomicBoolean(true);

    @Test
    void aWriteDecidedWhileLeadingIsRefusedIfTheLeaseWasLostBeforeItIsSent() {
        try (KubernetesClient fenced = WireFence.around(client, leading::get)) {
            var configMaps = fenced.configMaps().inNamespace("ns");
            configMaps.resource(configMap("before")).create();
            leading.set(false);

            assertThatThrownBy(() -> configMaps.resource(configMap("after")).create())
                    .isInstanceOf(KubernetesClientException.class).hasMessageContaining("not the Lease holder");
            assertThatThrownBy(() -> configMaps.withName("before").edit(c -> {
                c.setData(Map.of("k", "changed"));
                return c;
            })).isInstanceOf(KubernetesClientException.class);

            assertThat(client.configMaps().inNamespace("ns").withName("after").get()).isNull();
            assertThat(client.configMaps().inNamespace("ns").withName("before").get().getData()).containsEntry("k", "v");
        }
    }

    @Test
    void aReplicaThatDoesNotLeadStillReadsAndCompetesForTheLease() {
        leading.set(false);
        try (KubernetesClient fenced = WireFence.around(client, leading::get)) {
            client.configMaps().inNamespace("ns").resource(configMap("seen")).create();

            assertThat(fenced.configMaps().inNamespace("ns").withName("seen").get()).isNotNull();
            fenced.leases().inNamespace("ns").resource(new LeaseBuilder().withNewMetadata().withName("raftops-controller")
                    .endMetadata().withNewSpec().withHolderIdentity("b").endSpec().build()).create();
            assertThat(client.leases().inNamespace("ns").withName("raftops-controller").get().getSpec()
                    .getHolderIdentity()).isEqualTo("b");
        }
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(Map.of("k", "v")).build();
    }
}
