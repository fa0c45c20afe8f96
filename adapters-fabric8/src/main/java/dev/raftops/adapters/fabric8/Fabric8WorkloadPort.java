package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.Maintenance;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link WorkloadPort} on StatefulSets, pods and Services. resourceVersion preconditions travel in
 * the patch ({@code metadata.resourceVersion} set to the expected value, see {@link JsonPatch}). UID
 * preconditions are checked by reading the object first; the write then carries the resourceVersion
 * of that read, which pins the exact object the UID check saw (fabric8 cannot send a UID
 * precondition, and the CRUD mock would ignore one).
 */
record Fabric8WorkloadPort(KubernetesClient client, AdapterSettings settings) implements WorkloadPort {

    @Override
    public WriteResult lockPartitionAndSetImage(ClusterKey cluster, Action.LockPartitionAndSetImage action) {
        // one patch: the partition is locked in the same write that changes the image; an existing
        // rollingUpdate keeps its other fields (an adopted StatefulSet's maxUnavailable is not raftops's)
        return patchImage(cluster, action.statefulSet(), action.resourceVersion(), action.image(), action.restartedAt(),
                live -> {
            boolean rollingUpdate = live.getSpec().getUpdateStrategy() != null
                    && live.getSpec().getUpdateStrategy().getRollingUpdate() != null;
            return rollingUpdate ? JsonPatch.add("/spec/updateStrategy/rollingUpdate/partition", action.partition())
                    : JsonPatch.add("/spec/updateStrategy", Map.of("type", "RollingUpdate",
                            "rollingUpdate", Map.of("partition", action.partition())));
        });
    }

    /** The image alone: an OnDelete StatefulSet keeps its strategy and all else. */
    @Override
    public WriteResult setImage(ClusterKey cluster, Action.SetImage action) {
        return patchImage(cluster, action.statefulSet(), action.resourceVersion(), action.image(), null, live -> null);
    }

    /**
     * One JSON patch conditioned on {@code resourceVersion} (the live one when null): {@code also}'s
     * operation (none when it gives null), then the workload container's image.
     */
    private WriteResult patchImage(ClusterKey cluster, String name, String resourceVersion, String image,
            String restartedAt, Function<StatefulSet, Map<String, Object>> also) {
        Resource<StatefulSet> ref = statefulSet(cluster, name);
        StatefulSet live = ref.get();
        if (live == null) {
            return new WriteResult.NotFound("StatefulSet " + name + " does not exist");
        }
        String expected = resourceVersion != null ? resourceVersion : live.getMetadata().getResourceVersion();
        if (!expected.equals(live.getMetadata().getResourceVersion())) {
            return ConditionalWrite.conflict("StatefulSet " + name + " resourceVersion", expected,
                    live.getMetadata().getResourceVersion());
        }
        // one patch: the precondition, also's operation (the partition), the image and, for a restart, the
        // template annotation that changes the revision without a version change
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(JsonPatch.precondition(expected));
        Map<String, Object> first = also.apply(live);
        if (first != null) {
            ops.add(first);
        }
        ops.add(JsonPatch.add("/spec/template/spec/containers/" + containerIndex(live) + "/image", image));
        if (restartedAt != null) {
            Map<String, String> annotations = new TreeMap<>(Fabric8ClusterObserver.orEmpty(
                    WorkloadViews.templateAnnotations(live)));
            annotations.put(Maintenance.RESTARTED_AT_ANNOTATION, restartedAt);
            boolean metadata = live.getSpec().getTemplate().getMetadata() != null;
            ops.add(metadata ? JsonPatch.add("/spec/template/metadata/annotations", annotations)
                    : JsonPatch.add("/spec/template/metadata", Map.of("annotations", annotations)));
        }
        String body = json(ops);
        return ConditionalWrite.attempt(() -> ref.patch(PatchContext.of(PatchType.JSON), body));
    }

    @Override
    public WriteResult setPartition(ClusterKey cluster, Action.SetPartition action) {
        Map<String, Object> patch = new HashMap<>();
        if (action.resourceVersion() != null) {
            patch.put("metadata", Map.of("resourceVersion", action.resourceVersion()));
        }
        patch.put("spec", Map.of("updateStrategy", Map.of("type", "RollingUpdate",
                "rollingUpdate", Map.of("partition", action.partition()))));
        String body = json(patch);
        return ConditionalWrite.attempt(() -> statefulSet(cluster, action.statefulSet())
                .patch(PatchContext.of(PatchType.JSON_MERGE), body));
    }

    @Override
    public WriteResult deletePod(ClusterKey cluster, Action.DeletePod action) {
        Resource<Pod> ref = client.pods().inNamespace(cluster.namespace()).withName(action.pod());
        Pod live = ref.get();
        if (live == null) {
            return new WriteResult.NotFound("pod " + action.pod() + " does not exist");
        }
        if (!action.uid().equals(live.getMetadata().getUid())) {
            return ConditionalWrite.conflict("pod " + action.pod() + " UID", action.uid(), live.getMetadata().getUid());
        }
        if (action.resourceVersion() != null && !action.resourceVersion().equals(live.getMetadata().getResourceVersion())) {
            return ConditionalWrite.conflict("pod " + action.pod() + " resourceVersion", action.resourceVersion(),
                    live.getMetadata().getResourceVersion());
        }
        return ConditionalWrite.delete(ref, live);
    }

    @Override
    public WriteResult markMaintenance(ClusterKey cluster, Action.MarkMaintenance action) {
        return new MaintenanceAnnotation(client).mark(cluster, action);
    }

    @Override
    public WriteResult createWorkload(ClusterKey cluster, Action.CreateWorkload action) {
        RaftCluster owner = DocumentRead.get(client, cluster).map(DocumentRead::cluster).orElse(null);
        if (owner == null) {
            return new WriteResult.NotFound("RaftCluster " + cluster + " does not exist");
        }
        WorkloadSpec workload = WorkloadSpecMapping.read(cluster, owner.getSpec());
        StatefulSet desired = WorkloadRendering.colour(cluster, owner.getMetadata().getUid(), action, workload, settings);
        Resource<StatefulSet> ref = statefulSet(cluster, action.statefulSet());
        // its configuration first, so that its pods start with it; a Green (joining a Blue) has no retry_join
        ConfigMap config = OpenBaoConfig.configMap(cluster, owner.getMetadata().getUid(), action.statefulSet(),
                action.replicas(), action.joinRevision() == null, workload, settings);
        WriteResult configured = ConditionalWrite.attempt(() -> client.resource(config).create());
        if (!configured.written() && client.configMaps().inNamespace(cluster.namespace())
                .withName(config.getMetadata().getName()).get() == null) {
            return configured;
        }
        try {
            return new WriteResult.Written(client.resource(desired).create().getMetadata().getResourceVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() != ConditionalWrite.CONFLICT) {
                throw e;
            }
            // already there: the same revision is the same work, already done; anything else is not ours to reuse
            StatefulSet live = ref.get();
            String revision = live == null ? null : Fabric8ClusterObserver.orEmpty(live.getMetadata().getLabels()).get(Labels.REVISION);
            return action.revision().equals(revision) ? new WriteResult.Written(live.getMetadata().getResourceVersion())
                    : ConditionalWrite.conflict("StatefulSet " + action.statefulSet() + " revision", action.revision(), revision);
        }
    }

    @Override
    public WriteResult deleteWorkload(ClusterKey cluster, Action.DeleteWorkload action) {
        Resource<StatefulSet> ref = statefulSet(cluster, action.statefulSet());
        StatefulSet live = ref.get();
        if (live == null) {
            return new WriteResult.NotFound("StatefulSet " + action.statefulSet() + " does not exist");
        }
        if (action.uid() != null && !action.uid().equals(live.getMetadata().getUid())) {
            return ConditionalWrite.conflict("StatefulSet " + action.statefulSet() + " UID", action.uid(), live.getMetadata().getUid());
        }
        WriteResult deleted = ConditionalWrite.delete(ref, live);
        if (deleted.written()) {
            // its configuration goes with it; one that is already gone is fine
            Resource<ConfigMap> config = client.configMaps().inNamespace(cluster.namespace())
                    .withName(OpenBaoConfig.configName(action.statefulSet()));
            ConfigMap liveConfig = config.get();
            if (liveConfig != null) {
                ConditionalWrite.delete(config, liveConfig);
            }
        }
        return deleted;
    }

    @Override
    public WriteResult switchTraffic(ClusterKey cluster, Action.SwitchTraffic action) {
        List<Service> services = client.services().inNamespace(cluster.namespace()).withLabel(Labels.CLUSTER, cluster.name())
                .withLabel(Labels.SERVICE_ROLE, WorkloadRendering.CLIENT_ROLE).list().getItems();
        if (services.isEmpty()) {
            return new WriteResult.NotFound("no client Service for " + cluster);
        }
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
        WriteResult last = null;
        for (Service svc : sorted) {
            Map<String, String> selector = Fabric8ClusterObserver.orEmpty(svc.getSpec().getSelector());
            if (Objects.equals(selector.get(Labels.REVISION), action.revision())) {
                last = new WriteResult.Written(svc.getMetadata().getResourceVersion());
                continue;
            }
            String body = json(Map.of("metadata", Map.of("resourceVersion", svc.getMetadata().getResourceVersion()),
                    "spec", Map.of("selector", Map.of(Labels.REVISION, action.revision()))));
            last = ConditionalWrite.attempt(() -> client.services().inNamespace(cluster.namespace())
                    .withName(svc.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), body));
            if (!last.written()) {
                return last;
            }
        }
        return last;
    }

    @Override
    public WriteResult labelPod(ClusterKey cluster, Action.LabelPod action) {
        return new PodTrafficLabel(client).label(cluster, action);
    }

    private int containerIndex(StatefulSet sts) {
        var containers = sts.getSpec().getTemplate().getSpec().getContainers();
        for (int i = 0; i < containers.size(); i++) {
            if (settings.containerName().equals(containers.get(i).getName())) {
                return i;
            }
        }
        return 0;
    }

    private Resource<StatefulSet> statefulSet(ClusterKey cluster, String name) {
        return client.apps().statefulSets().inNamespace(cluster.namespace()).withName(name);
    }

    private String json(Object value) {
        return client.getKubernetesSerialization().asJson(value);
    }
}
