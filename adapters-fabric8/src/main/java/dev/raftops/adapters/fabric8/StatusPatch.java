package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;

/**
 * A status write of a custom resource: one JSON patch of {@code /status} whose first operation sets
 * {@code metadata.resourceVersion} to the expected value, which the API server (and the CRUD mock)
 * treats as a precondition (409 when stale; a status PUT is not conflict-checked by the mock), and
 * replaces {@code /status} as a whole. A merge patch would not do: the mock concatenates lists in
 * merge patches, so conditions would pile up.
 */
final class StatusPatch {

    private StatusPatch() {
    }

    static <T extends HasMetadata> WriteResult replace(KubernetesClient client, Class<T> type, ClusterKey key,
            String expectedResourceVersion, Object status) {
        if (expectedResourceVersion == null) {
            return new WriteResult.Conflict("a status write needs the resourceVersion it was decided on; nothing written");
        }
        String body = client.getKubernetesSerialization().asJson(List.of(
                JsonPatch.precondition(expectedResourceVersion), JsonPatch.add("/status", status)));
        return ConditionalWrite.attempt(() -> client.resources(type).inNamespace(key.namespace()).withName(key.name())
                .status().patch(PatchContext.of(PatchType.JSON), body));
    }
}
