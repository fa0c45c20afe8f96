package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;

/**
 * The traffic label ({@link Labels#REVISION}) on one pod, for {@link Fabric8WorkloadPort#labelPod}:
 * how the pods of a rolling StatefulSet adopted as Blue come under the client Services' revision
 * selector. The write is conditioned on the pod's UID and on the resourceVersion just read; a label
 * is metadata, so the kubelet restarts nothing (docs/decisions/strategy-switch.md).
 */
final class PodTrafficLabel {

    private final KubernetesClient client;

    PodTrafficLabel(KubernetesClient client) {
        this.client = client;
    }

    WriteResult label(ClusterKey cluster, Action.LabelPod action) {
        Resource<Pod> ref = client.pods().inNamespace(cluster.namespace()).withName(action.pod());
        Pod live = ref.get();
        if (live == null) {
            return new WriteResult.NotFound("pod " + action.pod() + " does not exist");
        }
        if (action.uid() != null && !action.uid().equals(live.getMetadata().getUid())) {
            return ConditionalWrite.conflict("pod " + action.pod() + " UID", action.uid(), live.getMetadata().getUid());
        }
        if (action.revision().equals(Fabric8ClusterObserver.orEmpty(live.getMetadata().getLabels()).get(Labels.REVISION))) {
            return new WriteResult.Written(live.getMetadata().getResourceVersion());
        }
        String body = client.getKubernetesSerialization().asJson(Map.of("metadata", Map.of(
                "resourceVersion", live.getMetadata().getResourceVersion(),
                "labels", Map.of(Labels.REVISION, action.revision()))));
        return ConditionalWrite.attempt(() -> ref.patch(PatchContext.of(PatchType.JSON_MERGE), body));
    }
}
