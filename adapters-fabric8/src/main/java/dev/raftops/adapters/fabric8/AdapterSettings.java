package dev.raftops.adapters.fabric8;

import dev.raftops.domain.resource.ClusterSpec;
import java.util.Objects;

/**
 * What the adapters need to know about the workload that the {@code RaftCluster} does not say.
 *
 * @param leaderLabel pod label whose value {@code "true"}/{@code "false"} reports Raft leadership
 *     (OpenBao's service registration sets {@code openbao-active})
 * @param lagAnnotation optional pod annotation with the Raft log entries behind the leader
 * @param defaultRepository image repository used when {@code spec.image} is not set
 * @param containerName the workload container in the pod template
 * @param apiPort the client port, served by the client Service
 * @param clusterPort the Raft/cluster port, served by the headless Service
 * @param storageSize size of the {@code data} volume claim of each pod
 * @param executorImage executor Job image when neither the request nor the spec names one
 * @param executorServiceAccount service account of executor Jobs when the spec names none
 * @param podAddress where the member probe reaches each pod's API
 * @param probeTimeout how long one probe request may take before the pod counts as unknown
 */
public record AdapterSettings(String leaderLabel, String lagAnnotation, String defaultRepository, String containerName,
        int apiPort, int clusterPort, String storageSize, String executorImage, String executorServiceAccount,
        PodAddress podAddress, java.time.Duration probeTimeout) {

    public AdapterSettings(String leaderLabel, String lagAnnotation, String defaultRepository, String containerName,
            int apiPort, int clusterPort, String storageSize, String executorImage, String executorServiceAccount) {
        this(leaderLabel, lagAnnotation, defaultRepository, containerName, apiPort, clusterPort, storageSize,
                executorImage, executorServiceAccount, null, null);
    }

    public AdapterSettings {
        Objects.requireNonNull(leaderLabel, "leaderLabel");
        Objects.requireNonNull(lagAnnotation, "lagAnnotation");
        Objects.requireNonNull(defaultRepository, "defaultRepository");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(storageSize, "storageSize");
        Objects.requireNonNull(executorImage, "executorImage");
        podAddress = podAddress == null ? PodAddress.headless(apiPort) : podAddress;
        probeTimeout = probeTimeout == null ? java.time.Duration.ofSeconds(2) : probeTimeout;
    }

    /** OpenBao defaults. */
    public static AdapterSettings openBao() {
        return new AdapterSettings("openbao-active", "raftops.dev/raft-lag", ClusterSpec.DEFAULT_IMAGE_REPOSITORY,
                "server", 8200, 8201, "10Gi", ProjectVersion.executorImage(), "raftops-executor");
    }

    public AdapterSettings withLeaderLabel(String value) {
        return new AdapterSettings(value, lagAnnotation, defaultRepository, containerName, apiPort, clusterPort,
                storageSize, executorImage, executorServiceAccount, podAddress, probeTimeout);
    }

    /** The probe reaches pods at {@code value} (the sandbox: the API double on loopback). */
    public AdapterSettings withPodAddress(PodAddress value, java.time.Duration timeout) {
        return new AdapterSettings(leaderLabel, lagAnnotation, defaultRepository, containerName, apiPort, clusterPort,
                storageSize, executorImage, executorServiceAccount, value, timeout);
    }

    /** Where a pod's API answers: the base URI the member probe appends {@code /v1/...} to. */
    @FunctionalInterface
    public interface PodAddress {

        java.net.URI base(dev.raftops.domain.cluster.ClusterKey cluster, String pod, boolean plainHttp);

        /** In a cluster: {@code https://<pod>.<cluster>-internal.<namespace>.svc:<port>}, the executor's address too. */
        static PodAddress headless(int port) {
            return (cluster, pod, plain) -> java.net.URI.create((plain ? "http" : "https") + "://" + pod + "."
                    + WorkloadRendering.headlessName(cluster) + "." + cluster.namespace() + ".svc:" + port);
        }
    }
}
