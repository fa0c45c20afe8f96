package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the cluster's name, namespace, size, TLS and extra stanzas, the rendered configuration is
 * HCL that OpenBao reads as one listener, one Raft storage on the data volume joining exactly the
 * StatefulSet's pods (none for Green), Kubernetes service registration and the user's stanzas.
 */
class OpenBaoConfigPropertiesTest {

    record Input(ClusterKey cluster, String statefulSet, int replicas, boolean join, boolean disabled, String extra) {
    }

    static Stream<Arguments> inputs() {
        return PropertyCases.of(200, r -> {
            ClusterKey key = new ClusterKey(Generate.oneOf(r, "secrets", "ns-1", "prod-bao"),
                    Generate.oneOf(r, "bao", "vault", "a", "kv-store-2"));
            String sts = Generate.chance(r, 0.5) ? key.name() : key.name() + "-" + Generate.oneOf(r, "16d9a67", "5028505");
            String extra = Generate.oneOf(r, "", "seal \"transit\" {\n  address = \"https://t:8200\"\n}\n",
                    "telemetry {\n  disable_hostname = true\n}\n", "ui = true\n");
            return new Input(key, sts, Generate.between(r, 1, 7), Generate.chance(r, 0.7), Generate.chance(r, 0.3), extra);
        });
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theConfigurationIsOneListenerOneRaftStorageJoiningTheStatefulSetsPodsAndTheUsersStanzas(Case<Input> c) {
        Input in = c.value();
        WorkloadSpec spec = new WorkloadSpec(WorkloadSpec.Tls.of(in.cluster(), null, in.disabled(), null), in.extra(), null,
                null);
        ParsedHcl hcl = ParsedHcl.of(OpenBaoConfig.hcl(in.cluster(), in.statefulSet(), in.replicas(), in.join(), spec,
                AdapterSettings.openBao()));

        Map<String, Object> listener = hcl.block("listener", "tcp");
        assertThat(listener).as(c.why("TLS is off exactly when disabled")).containsKey(in.disabled() ? "tls_disable"
                : "tls_cert_file");
        assertThat(listener.containsKey("tls_cert_file")).as(c.why("no certificate without TLS")).isNotEqualTo(in.disabled());
        Map<String, Object> raft = hcl.block("storage", "raft");
        assertThat(raft).as(c.why("Raft on the data volume")).containsEntry("path", OpenBaoConfig.DATA_DIR);
        List<Object> joins = ParsedHcl.blocks(raft, "retry_join").stream().map(j -> j.get("leader_api_addr")).toList();
        assertThat(joins).as(c.why("one retry_join per pod of the StatefulSet, none for Green"))
                .hasSize(in.join() ? in.replicas() : 0).doesNotHaveDuplicates()
                .allSatisfy(a -> assertThat((String) a).startsWith((in.disabled() ? "http://" : "https://") + in.statefulSet() + "-")
                        .endsWith("." + in.cluster().name() + "-internal." + in.cluster().namespace() + ".svc:8200"));
        assertThat(hcl.block("service_registration", "kubernetes")).as(c.why("service registration")).isNotNull();
        if (in.extra().startsWith("seal")) {
            assertThat(hcl.block("seal", "transit")).as(c.why("the user's seal stanza")).isNotNull();
        } else if (in.extra().startsWith("ui")) {
            assertThat(hcl.root()).as(c.why("the user's settings")).containsEntry("ui", true);
        }
    }
}
