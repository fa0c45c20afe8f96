package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.gates.MaintenanceMarks;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The maintenance annotation ({@link MaintenanceMarks#ANNOTATION}) on a StatefulSet or a pod, for
 * {@link Fabric8WorkloadPort#markMaintenance}: the StatefulSet's write is conditioned on its
 * resourceVersion, the pod's on its UID, and each patch on the resourceVersion just read.
 */
final class MaintenanceAnnotation {

    private final KubernetesClient client;

    MaintenanceAnnotation(KubernetesClient client) {
        this.client = client;
    }

    WriteResult mark(ClusterKey cluster, Action.MarkMaintenance action) {
        if (action.target() == Action.MarkMaintenance.Target.STATEFUL_SET) {
            Resource<StatefulSet> ref = client.apps().statefulSets().inNamespace(cluster.namespace()).withName(action.name());
            StatefulSet live = ref.get();
            if (live == null) {
                return new WriteResult.NotFound("StatefulSet " + action.name() + " does not exist");
            }
            String rv = live.getMetadata().getResourceVersion();
            if (action.precondition() != null && !action.precondition().equals(rv)) {
                return ConditionalWrite.conflict("StatefulSet " + action.name() + " resourceVersion", action.precondition(), rv);
            }
            return annotate(ref, live, action.marked());
        }
        Resource<Pod> ref = client.pods().inNamespace(cluster.namespace()).withName(action.name());
        Pod live = ref.get();
        if (live == null) {
            return new WriteResult.NotFound("pod " + action.name() + " does not exist");
        }
        if (action.precondition() != null && !action.precondition().equals(live.getMetadata().getUid())) {
            return ConditionalWrite.conflict("pod " + action.name() + " UID", action.precondition(), live.getMetadata().getUid());
        }
        return annotate(ref, live, action.marked());
    }

    /**
     * Sets or removes the maintenance annotation with a JSON patch conditioned on the read
     * resourceVersion. Removal is an explicit {@code remove} of a key known to exist: the CRUD mock
     * stores a merge patch's null instead of deleting the key.
     */
    private <T extends HasMetadata> WriteResult annotate(Resource<T> ref, T live, boolean marked) {
        Map<String, String> annotations = Fabric8ClusterObserver.orEmpty(live.getMetadata().getAnnotations());
        String key = "/metadata/annotations/" + JsonPatch.escape(MaintenanceMarks.ANNOTATION);
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(JsonPatch.precondition(live.getMetadata().getResourceVersion()));
        if (marked && !"true".equals(annotations.get(MaintenanceMarks.ANNOTATION))) {
            ops.add(live.getMetadata().getAnnotations() == null
                    ? JsonPatch.add("/metadata/annotations", Map.of(MaintenanceMarks.ANNOTATION, "true"))
                    : JsonPatch.add(key, "true"));
        } else if (!marked && annotations.containsKey(MaintenanceMarks.ANNOTATION)) {
            ops.add(JsonPatch.remove(key));
        } else {
            return new WriteResult.Written(live.getMetadata().getResourceVersion()); // already as asked
        }
        String body = client.getKubernetesSerialization().asJson(ops);
        return ConditionalWrite.attempt(() -> ref.patch(PatchContext.of(PatchType.JSON), body));
    }
}
