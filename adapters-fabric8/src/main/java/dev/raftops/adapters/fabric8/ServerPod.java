package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod of an OpenBao server: {@code bao server} with the rendered configuration, the pod's identity
 * for service registration and Raft ({@code BAO_K8S_POD_NAME}, {@code BAO_K8S_NAMESPACE},
 * {@code BAO_RAFT_NODE_ID}, {@code BAO_API_ADDR}, {@code BAO_CLUSTER_ADDR}), the data volume at the
 * Raft path, the TLS Secret, probes on {@code sys/health}, and the Pod Security "restricted" profile
 * with the user and group of the official image.
 */
final class ServerPod {

    /**
     * The official image's user and group: its Dockerfile runs {@code addgroup openbao && adduser -S -G
     * openbao openbao} on Alpine, which gives uid 100 and gid 1000; OpenBao's Helm chart runs the
     * server as {@code runAsUser: 100}, {@code runAsGroup: 1000}, {@code fsGroup: 1000}
     * (openbao/openbao-helm charts/openbao/templates/_helpers.tpl, {@code server.uid}/{@code server.gid}).
     */
    static final long USER = 100;
    static final long GROUP = 1000;
    /**
     * Ready when it serves: active or standby (200 with {@code standbyok}); sealed (503) and
     * uninitialised (501) pods are not Ready (openbao.org api-docs/system/health).
     */
    static final String READINESS_PATH = "/v1/sys/health?standbyok=true";
    /**
     * Alive whenever the server answers: {@code sealedcode=204} and {@code uninitcode=204} turn a sealed
     * or uninitialised node's answer into a success, so the kubelet never restarts a pod that waits for
     * its unseal keys or its {@code bao operator init} (openbao.org api-docs/system/health: parameters
     * {@code standbyok}, {@code sealedcode}, {@code uninitcode}).
     */
    static final String LIVENESS_PATH = "/v1/sys/health?standbyok=true&sealedcode=204&uninitcode=204";

    private ServerPod() {
    }

    static PodTemplateSpec template(ClusterKey cluster, String statefulSet, String image, Map<String, String> labels,
            WorkloadSpec spec, AdapterSettings settings) {
        WorkloadSpec.Tls tls = spec.tls();
        PodTemplateSpecBuilder pod = new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withServiceAccountName(WorkloadIdentity.serverAccount(cluster))
                .withAutomountServiceAccountToken(true) // service registration labels the pod through the API
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withRunAsUser(USER).withRunAsGroup(GROUP).withFsGroup(GROUP)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolume().withName("config").withNewConfigMap().withName(OpenBaoConfig.configName(statefulSet))
                .endConfigMap().endVolume()
                .addNewContainer()
                .withName(settings.containerName())
                .withImage(image)
                .withCommand("bao", "server", "-config=" + OpenBaoConfig.CONFIG_DIR + "/" + OpenBaoConfig.CONFIG_KEY)
                .withEnv(env(cluster, tls, settings))
                .addNewPort().withName("api").withContainerPort(settings.apiPort()).endPort()
                .addNewPort().withName("cluster").withContainerPort(settings.clusterPort()).endPort()
                .withNewReadinessProbe().withHttpGet(probe(READINESS_PATH, tls))
                .withPeriodSeconds(5).withFailureThreshold(2).withTimeoutSeconds(3).endReadinessProbe()
                .withNewLivenessProbe().withHttpGet(probe(LIVENESS_PATH, tls))
                .withInitialDelaySeconds(60).withPeriodSeconds(10).withFailureThreshold(3).withTimeoutSeconds(3)
                .endLivenessProbe()
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolumeMount().withName("data").withMountPath(OpenBaoConfig.DATA_DIR).endVolumeMount()
                .addNewVolumeMount().withName("config").withMountPath(OpenBaoConfig.CONFIG_DIR).withReadOnly(true)
                .endVolumeMount()
                .endContainer()
                .endSpec();
        PodTemplateSpec built = pod.build();
        if (!tls.disabled()) {
            built.getSpec().getVolumes().add(new VolumeBuilder().withName("tls")
                    .withNewSecret().withSecretName(tls.secretName()).withDefaultMode(0440).endSecret().build());
            built.getSpec().getContainers().get(0).getVolumeMounts().add(new VolumeMountBuilder()
                    .withName("tls").withMountPath(OpenBaoConfig.TLS_DIR).withReadOnly(true).build());
        }
        return built;
    }

    private static List<EnvVar> env(ClusterKey cluster, WorkloadSpec.Tls tls, AdapterSettings settings) {
        String host = "$(BAO_K8S_POD_NAME)." + WorkloadRendering.headlessName(cluster) + ".$(BAO_K8S_NAMESPACE).svc";
        String api = tls.scheme() + "://" + host + ":" + settings.apiPort();
        List<EnvVar> env = new ArrayList<>(List.of(
                field("BAO_K8S_POD_NAME", "metadata.name"),
                field("BAO_K8S_NAMESPACE", "metadata.namespace"),
                field("BAO_RAFT_NODE_ID", "metadata.name"),
                value("BAO_API_ADDR", api),
                // the cluster port always speaks TLS, with certificates OpenBao issues itself
                value("BAO_CLUSTER_ADDR", "https://" + host + ":" + settings.clusterPort()),
                value("BAO_ADDR", api)));
        if (!tls.disabled()) {
            env.add(value("BAO_CACERT", OpenBaoConfig.TLS_DIR + "/ca.crt")); // for bao commands run in the pod
        }
        return env;
    }

    private static HTTPGetAction probe(String path, WorkloadSpec.Tls tls) {
        return new HTTPGetActionBuilder().withPath(path).withPort(new IntOrString("api"))
                .withScheme(tls.disabled() ? "HTTP" : "HTTPS").build();
    }

    private static EnvVar field(String name, String path) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withFieldPath(path).endFieldRef()
                .endValueFrom().build();
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
