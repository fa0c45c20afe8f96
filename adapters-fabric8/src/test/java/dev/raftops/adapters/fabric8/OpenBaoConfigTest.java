package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rendered OpenBao configuration, parsed as HCL and read block by block. */
class OpenBaoConfigTest {

    static final ClusterKey BAO = new ClusterKey("secrets", "bao");
    static final AdapterSettings SETTINGS = AdapterSettings.openBao();

    static ParsedHcl render(WorkloadSpec spec, boolean join) {
        return ParsedHcl.of(OpenBaoConfig.hcl(BAO, "bao", 3, join, spec, SETTINGS));
    }

    static WorkloadSpec tls(String secret) {
        return new WorkloadSpec(WorkloadSpec.Tls.of(BAO, secret, false, null), "", null, null);
    }

    @Test
    void theListenerServesTheCertificateAndKeyOfTheMountedTlsSecret() {
        Map<String, Object> listener = render(tls("bao-certs"), true).block("listener", "tcp");

        assertThat(listener).containsEntry("address", "[::]:8200").containsEntry("cluster_address", "[::]:8201")
                .containsEntry("tls_cert_file", "/openbao/tls/tls.crt").containsEntry("tls_key_file", "/openbao/tls/tls.key")
                .doesNotContainKey("tls_disable");
    }

    @Test
    void tlsIsOffOnlyWhenTheSpecDisablesItAndThenTheJoinAddressesAreHttp() {
        WorkloadSpec disabled = new WorkloadSpec(WorkloadSpec.Tls.of(BAO, null, true, null), "", null, null);
        ParsedHcl hcl = render(disabled, true);

        assertThat(hcl.block("listener", "tcp")).containsEntry("tls_disable", true).doesNotContainKey("tls_cert_file");
        assertThat(ParsedHcl.blocks(hcl.block("storage", "raft"), "retry_join"))
                .allSatisfy(j -> assertThat((String) j.get("leader_api_addr")).startsWith("http://"))
                .allSatisfy(j -> assertThat(j).doesNotContainKey("leader_ca_cert_file"));
    }

    @Test
    void raftStoresOnTheDataVolumeAndJoinsEveryPodThroughTheHeadlessServiceTrustingTheCa() {
        Map<String, Object> raft = render(tls(null), true).block("storage", "raft");

        assertThat(raft).containsEntry("path", OpenBaoConfig.DATA_DIR).doesNotContainKey("node_id");
        List<Map<String, Object>> joins = ParsedHcl.blocks(raft, "retry_join");
        assertThat(joins).extracting(j -> j.get("leader_api_addr")).containsExactly(
                "https://bao-0.bao-internal.secrets.svc:8200", "https://bao-1.bao-internal.secrets.svc:8200",
                "https://bao-2.bao-internal.secrets.svc:8200");
        assertThat(joins).allSatisfy(j -> assertThat(j).containsEntry("leader_ca_cert_file", "/openbao/tls/ca.crt"));
    }

    @Test
    void aGreenStatefulSetJoinsNobodyByItselfTheExecutorJoinsItAsNonVoters() {
        Map<String, Object> raft = render(tls(null), false).block("storage", "raft");

        assertThat(raft).containsEntry("path", OpenBaoConfig.DATA_DIR);
        assertThat(ParsedHcl.blocks(raft, "retry_join")).isEmpty();
    }

    @Test
    void theKubernetesServiceRegistrationIsOnAndThePerPodAddressesAreLeftToTheEnvironment() {
        ParsedHcl hcl = render(tls(null), true);

        assertThat(hcl.block("service_registration", "kubernetes")).isEmpty();
        assertThat(hcl.root()).doesNotContainKeys("api_addr", "cluster_addr").containsEntry("disable_mlock", true);
    }

    @Test
    void theUsersStanzasAreAppendedAfterTheRenderedOnes() {
        String seal = """
                seal "transit" {
                  address    = "https://transit.example:8200"
                  key_name   = "autounseal"
                  mount_path = "transit/"
                }
                telemetry {
                  prometheus_retention_time = "30s"
                }
                """;
        ParsedHcl hcl = render(new WorkloadSpec(WorkloadSpec.Tls.of(BAO, null, false, null), seal, null, null), true);

        assertThat(hcl.block("seal", "transit")).containsEntry("key_name", "autounseal");
        assertThat(hcl.root().get("telemetry")).isInstanceOf(Map.class);
        assertThat(hcl.block("storage", "raft")).containsEntry("path", OpenBaoConfig.DATA_DIR);
    }
}
