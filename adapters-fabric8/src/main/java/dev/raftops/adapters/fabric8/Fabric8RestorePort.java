package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftRestore;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.restore.RestoreStatus;
import dev.raftops.ports.driven.RestoreDocument;
import dev.raftops.ports.driven.RestorePort;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RestorePort} on {@code RaftRestore}s: the status through the status subresource
 * ({@link StatusPatch}) and the finalizer through the object, each one JSON patch whose first
 * operation is the resourceVersion precondition.
 */
final class Fabric8RestorePort implements RestorePort {

    private final KubernetesClient client;

    Fabric8RestorePort(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<RestoreDocument> read(ClusterKey restore) {
        RaftRestore cr = client.resources(RaftRestore.class).inNamespace(restore.namespace()).withName(restore.name())
                .get();
        return Optional.ofNullable(cr).map(c -> RestoreMapping.document(restore, c));
    }

    @Override
    public WriteResult compareAndSet(ClusterKey restore, String expectedResourceVersion, RestoreStatus status) {
        return StatusPatch.replace(client, RaftRestore.class, restore, expectedResourceVersion,
                RestoreMapping.toResource(status));
    }

    @Override
    public WriteResult finalizer(ClusterKey restore, String expectedResourceVersion, boolean present) {
        RaftRestore live = client.resources(RaftRestore.class).inNamespace(restore.namespace())
                .withName(restore.name()).get();
        if (live == null) {
            return new WriteResult.NotFound("RaftRestore " + restore + " is gone");
        }
        List<String> finalizers = new ArrayList<>(live.getMetadata().getFinalizers() == null ? List.of()
                : live.getMetadata().getFinalizers());
        finalizers.remove(RaftRestore.FINALIZER);
        if (present) {
            finalizers.add(RaftRestore.FINALIZER);
        }
        List<Map<String, Object>> ops = List.of(JsonPatch.precondition(expectedResourceVersion),
                JsonPatch.add("/metadata/finalizers", finalizers));
        String body = client.getKubernetesSerialization().asJson(ops);
        return ConditionalWrite.attempt(() -> client.resources(RaftRestore.class).inNamespace(restore.namespace())
                .withName(restore.name()).patch(PatchContext.of(PatchType.JSON), body));
    }
}
