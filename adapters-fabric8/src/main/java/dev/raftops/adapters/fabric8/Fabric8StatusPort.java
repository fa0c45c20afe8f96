package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** {@link StatusPort} on the {@code RaftCluster} status subresource, each write a {@link StatusPatch}. */
final class Fabric8StatusPort implements StatusPort {

    private final KubernetesClient client;

    Fabric8StatusPort(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        RaftCluster cr = client.resources(RaftCluster.class).inNamespace(cluster.namespace()).withName(cluster.name()).get();
        return Optional.ofNullable(cr).map(c -> document(cluster, c));
    }

    static ClusterDocument document(ClusterKey cluster, RaftCluster cr) {
        Long generation = cr.getMetadata().getGeneration();
        return new ClusterDocument(cluster, cr.getMetadata().getUid(), generation == null ? 0 : generation,
                cr.getMetadata().getResourceVersion(), SpecMapping.read(cr.getSpec()),
                StatusReading.fromResource(cr.getStatus()));
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
        return StatusPatch.replace(client, RaftCluster.class, cluster, expectedResourceVersion,
                StatusWriting.toResource(status));
    }
}
