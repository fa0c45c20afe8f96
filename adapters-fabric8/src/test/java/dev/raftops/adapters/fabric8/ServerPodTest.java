package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The OpenBao server pod of the rendered StatefulSet. */
class ServerPodTest {

    static final ClusterKey BAO = new ClusterKey("secrets", "bao");

    static StatefulSet render(WorkloadSpec.Tls tls) {
        return WorkloadRendering.statefulSet(BAO, "uid", ClusterSpec.of("2.4.0", null, 3), ClusterStatus.initial(),
                new WorkloadSpec(tls, "", null, null), AdapterSettings.openBao());
    }

    static PodSpec pod(WorkloadSpec.Tls tls) {
        return render(tls).getSpec().getTemplate().getSpec();
    }

    static Map<String, EnvVar> env(Container c) {
        Map<String, EnvVar> out = new TreeMap<>();
        c.getEnv().forEach(e -> out.put(e.getName(), e));
        return out;
    }

    @Test
    void theServerRunsTheMountedConfigurationAndStoresRaftOnTheDataClaim() {
        StatefulSet sts = render(WorkloadSpec.Tls.of(BAO, null, false, null));
        Container server = sts.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(server.getCommand()).containsExactly("bao", "server", "-config=/openbao/config/server.hcl");
        assertThat(server.getVolumeMounts()).extracting(m -> m.getName() + "=" + m.getMountPath())
                .contains("data=" + OpenBaoConfig.DATA_DIR, "config=/openbao/config", "tls=/openbao/tls");
        assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data");
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("config");
            assertThat(v.getConfigMap().getName()).isEqualTo("bao-config");
        }).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("tls");
            assertThat(v.getSecret().getSecretName()).isEqualTo("bao-tls");
        });
    }

    @Test
    void thePodKnowsItsNameNamespaceNodeIdAndStableAddresses() {
        Map<String, EnvVar> env = env(pod(WorkloadSpec.Tls.of(BAO, "certs", false, null)).getContainers().get(0));

        assertThat(env.get("BAO_K8S_POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(env.get("BAO_K8S_NAMESPACE").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
        assertThat(env.get("BAO_RAFT_NODE_ID").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(env.get("BAO_API_ADDR").getValue())
                .isEqualTo("https://$(BAO_K8S_POD_NAME).bao-internal.$(BAO_K8S_NAMESPACE).svc:8200");
        assertThat(env.get("BAO_CLUSTER_ADDR").getValue())
                .isEqualTo("https://$(BAO_K8S_POD_NAME).bao-internal.$(BAO_K8S_NAMESPACE).svc:8201");
        assertThat(env.get("BAO_CACERT").getValue()).isEqualTo("/openbao/tls/ca.crt");
    }

    @Test
    void readinessWantsAServingMemberAndLivenessSparesSealedStandbyAndUninitialisedOnes() {
        Container server = pod(WorkloadSpec.Tls.of(BAO, null, false, null)).getContainers().get(0);

        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v1/sys/health?standbyok=true");
        assertThat(server.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(server.getLivenessProbe().getHttpGet().getPath())
                .isEqualTo("/v1/sys/health?standbyok=true&sealedcode=204&uninitcode=204");
        assertThat(server.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("api");
    }

    @Test
    void withTlsDisabledTheProbesAndAddressesAreHttpAndNoSecretIsMounted() {
        PodSpec pod = pod(WorkloadSpec.Tls.of(BAO, null, true, null));
        Container server = pod.getContainers().get(0);

        assertThat(server.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
        assertThat(server.getLivenessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
        assertThat(env(server).get("BAO_API_ADDR").getValue()).startsWith("http://");
        assertThat(pod.getVolumes()).noneMatch(v -> v.getSecret() != null);
    }

    @Test
    void thePodMeetsTheRestrictedPodSecurityProfileAsTheOfficialImagesUser() {
        PodSpec pod = pod(WorkloadSpec.Tls.of(BAO, null, false, null));
        var container = pod.getContainers().get(0).getSecurityContext();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(100L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(1000L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(1000L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(pod.getServiceAccountName()).isEqualTo("bao-openbao");
    }
}
