package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ExecutorSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an executor Job: owned by the cluster, labelled, never retried by Kubernetes (raftops
 * counts failures itself), cleaned up an hour after it finishes, restricted security context, and a
 * short-lived projected service-account token bound to {@code spec.upgrade.executor.tokenAudience}
 * instead of a mounted Secret.
 */
final class ExecutorJobs {

    static final int TTL_SECONDS_AFTER_FINISHED = 3600;
    static final long TOKEN_EXPIRATION_SECONDS = 3600;
    static final String TOKEN_DIR = "/var/run/secrets/raftops";
    /**
     * The workload CA ({@code ca.crt}): from {@code spec.tls.caConfigMap} when set, else the one item
     * {@code ca.crt} of the TLS Secret (never its key); both optional.
     */
    static final String CA_DIR = "/var/run/secrets/raftops-ca";
    /** The auth method and role the executor logs in with (decisions/executor-login.md). */
    static final String AUTH_MOUNT = "kubernetes";
    static final String AUTH_ROLE = "raftops-executor";
    /** The executor's own deadline when the Job has none: the controller's step timeouts are longer. */
    static final int DEFAULT_DEADLINE_SECONDS = 600;
    static final String RESULT_FILE = "/dev/termination-log";

    private ExecutorJobs() {
    }

    static Job render(ClusterKey cluster, String ownerUid, JobRequest request, ExecutorSpec executor, List<String> pods,
            WorkloadSpec workload, AdapterSettings settings) {
        return render(cluster, ownerUid, request, executor, pods, workload, settings,
                WorkloadRendering.headlessName(cluster));
    }

    /** As above, the pods reached through the headless Service {@code headless} (an adopted StatefulSet's own). */
    static Job render(ClusterKey cluster, String ownerUid, JobRequest request, ExecutorSpec executor, List<String> pods,
            WorkloadSpec workload, AdapterSettings settings, String headless) {
        Map<String, String> labels = Labels.of(cluster);
        labels.put(Labels.ACTION, request.action().wireName());
        String image = request.image() != null ? request.image()
                : executor.image() != null ? executor.image() : settings.executorImage();
        String account = request.serviceAccount() != null ? request.serviceAccount()
                : executor.serviceAccount() != null ? executor.serviceAccount() : WorkloadIdentity.executorAccount(settings);
        JobBuilder job = new JobBuilder()
                .withNewMetadata()
                .withNamespace(cluster.namespace()).withName(request.name()).withLabels(labels)
                .withOwnerReferences(WorkloadRendering.owner(cluster, ownerUid))
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withTtlSecondsAfterFinished(TTL_SECONDS_AFTER_FINISHED)
                .withActiveDeadlineSeconds(request.activeDeadlineSeconds() > 0 ? (long) request.activeDeadlineSeconds() : null)
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(account)
                .withAutomountServiceAccountToken(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolume().withName("token").withNewProjected()
                .addNewSource().withNewServiceAccountToken().withPath("token").withAudience(workload.tokenAudience())
                .withExpirationSeconds(TOKEN_EXPIRATION_SECONDS).endServiceAccountToken().endSource()
                .endProjected().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                // the workload CA only (no credential): a projected, optional source
                .addNewVolume().withName("ca").withNewProjected().addToSources(caSource(cluster, workload.tls()))
                .endProjected().endVolume()
                .addNewContainer()
                .withName("executor")
                .withImage(image)
                .withArgs(request.action().wireName())
                .withEnv(env(cluster, request, pods, workload.tls(), settings, headless))
                .withNewResources()
                .withRequests(Fabric8JobPort.quantities(executor.requests()))
                .withLimits(Fabric8JobPort.quantities(executor.limits()))
                .endResources()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolumeMount().withName("token").withMountPath(TOKEN_DIR).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .addNewVolumeMount().withName("ca").withMountPath(CA_DIR).withReadOnly(true).endVolumeMount()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec();
        return job.build();
    }

    /**
     * Fixed variables first, then every parameter as {@code RAFTOPS_<UPPER_SNAKE>} in key order; a key
     * that already is a variable name ({@code RAFTOPS_TARGET_POD}, as the domain writes them) is kept; a
     * parameter that names a fixed variable again is dropped, so no name appears twice.
     */
    static List<EnvVar> env(ClusterKey cluster, JobRequest request, List<String> pods, WorkloadSpec.Tls tls,
            AdapterSettings settings, String headless) {
        List<EnvVar> env = new ArrayList<>();
        env.add(var("RAFTOPS_CLUSTER", cluster.name()));
        env.add(var("RAFTOPS_NAMESPACE", cluster.namespace()));
        env.add(var("RAFTOPS_ACTION", request.action().wireName()));
        env.add(var("RAFTOPS_TOKEN_FILE", TOKEN_DIR + "/token"));
        if (!pods.isEmpty()) {
            env.add(var("RAFTOPS_PODS", String.join(",", pods)));
        }
        env.add(var("RAFTOPS_POD_ADDRESS", tls.scheme() + "://{pod}." + headless + "."
                + cluster.namespace() + ".svc:" + settings.apiPort()));
        env.add(var("RAFTOPS_CA_FILE", CA_DIR + "/ca.crt"));
        env.add(var("RAFTOPS_AUTH_MOUNT", AUTH_MOUNT));
        env.add(var("RAFTOPS_AUTH_ROLE", AUTH_ROLE));
        env.add(var("RAFTOPS_DEADLINE_SECONDS", Integer.toString(request.activeDeadlineSeconds() > 10
                ? request.activeDeadlineSeconds() - 10 : DEFAULT_DEADLINE_SECONDS)));
        env.add(var("RAFTOPS_RESULT_FILE", RESULT_FILE));
        java.util.Set<String> fixed = new java.util.HashSet<>();
        env.forEach(e -> fixed.add(e.getName()));
        new java.util.TreeMap<>(request.parameters()).forEach((k, v) -> {
            String name = k.startsWith("RAFTOPS_") ? k : "RAFTOPS_" + envName(k);
            if (!fixed.contains(name)) { // the fixed identity wins over a parameter of the same name
                env.add(var(name, v));
            }
        });
        return env;
    }

    private static VolumeProjection caSource(ClusterKey cluster, WorkloadSpec.Tls tls) {
        KeyToPath item = new io.fabric8.kubernetes.api.model.KeyToPathBuilder().withKey("ca.crt").withPath("ca.crt").build();
        if (tls.caConfigMap() != null) {
            return new VolumeProjectionBuilder().withNewConfigMap().withName(tls.caConfigMap()).withItems(item)
                    .withOptional(true).endConfigMap().build();
        }
        String secret = tls.secretName() != null ? tls.secretName() : WorkloadSpec.Tls.defaultSecret(cluster);
        return new VolumeProjectionBuilder().withNewSecret().withName(secret).withItems(item).withOptional(true)
                .endSecret().build();
    }

    /** {@code targetPod} → {@code TARGET_POD}, {@code backup.target} → {@code BACKUP_TARGET}. */
    static String envName(String key) {
        String snake = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_");
        return snake.toUpperCase(Locale.ROOT);
    }

    private static EnvVar var(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
