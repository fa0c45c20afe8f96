package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Optional;

/** {@link StatusPort} on the {@code RaftCluster} status subresource, each write a JSON patch with the resourceVersion as precondition. */
final class Fabric8StatusPort implements StatusPort {

    private final KubernetesClient client;

    Fabric8StatusPort(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        return DocumentRead.get(client, cluster).map(read -> document(cluster, read));
    }

    static ClusterDocument document(ClusterKey cluster, RaftCluster cr) {
        return document(cluster, new DocumentRead(cr, null, List.of()));
    }

    static ClusterDocument document(ClusterKey cluster, DocumentRead read) {
        RaftCluster cr = read.cluster();
        Long generation = cr.getMetadata().getGeneration();
        return new ClusterDocument(cluster, cr.getMetadata().getUid(), generation == null ? 0 : generation,
                cr.getMetadata().getResourceVersion(), read.spec(), StatusReading.fromResource(cr.getStatus()));
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
        if (expectedResourceVersion == null) {
            return new WriteResult.Conflict("a status write needs the resourceVersion it was decided on; nothing written");
        }
        String body = client.getKubernetesSerialization().asJson(List.of(
                JsonPatch.precondition(expectedResourceVersion),
                JsonPatch.add("/status", StatusWriting.toResource(status))));
        // generic, as the read: the answer is the whole document, which a bad spec would fail to bind
        return ConditionalWrite.attempt(() -> client.genericKubernetesResources(DocumentRead.RAFT_CLUSTERS)
                .inNamespace(cluster.namespace()).withName(cluster.name()).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), body));
    }
}
