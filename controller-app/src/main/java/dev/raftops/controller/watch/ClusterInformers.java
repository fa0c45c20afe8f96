package dev.raftops.controller.watch;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shared informers on RaftClusters and on the StatefulSets, pods and Jobs raftops manages. Every
 * event becomes the key of its cluster, handed to the controllers' queues: a change is a wake-up,
 * never a decision input (decisions re-read the whole state).
 */
public final class ClusterInformers implements AutoCloseable {

    public static final ResourceDefinitionContext RAFT_CLUSTERS = new ResourceDefinitionContext.Builder()
            .withGroup("raftops.dev").withVersion("v1alpha1").withKind("RaftCluster").withPlural("raftclusters")
            .withNamespaced(true).build();

    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

    /**
     * @param namespace null watches every namespace
     * @param onCluster wakes both controllers for a cluster
     * @param onWorkload wakes both controllers for a change of a managed object (pod Ready, Job finished)
     */
    public ClusterInformers(KubernetesClient client, String namespace, Consumer<ClusterKey> onCluster,
            Consumer<ClusterKey> onWorkload) {
        var clusters = namespace == null
                ? client.genericKubernetesResources(RAFT_CLUSTERS).inAnyNamespace()
                : client.genericKubernetesResources(RAFT_CLUSTERS).inNamespace(namespace);
        informers.add(clusters.inform(handler(o -> Optional.of(ClusterKeys.ofCluster(o)), onCluster), 0));
        informers.add(managed(namespace == null ? client.apps().statefulSets().inAnyNamespace()
                : client.apps().statefulSets().inNamespace(namespace), onWorkload));
        informers.add(managed(namespace == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(namespace),
                onWorkload));
        informers.add(managed(namespace == null ? client.batch().v1().jobs().inAnyNamespace()
                : client.batch().v1().jobs().inNamespace(namespace), onWorkload));
    }

    private static <T extends HasMetadata> SharedIndexInformer<T> managed(
            io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable<T, ?, ?> source, Consumer<ClusterKey> sink) {
        return source.withLabel(ClusterKeys.MANAGED_BY_LABEL, ClusterKeys.MANAGED_BY)
                .inform(handler(ClusterKeys::ofManaged, sink), 0);
    }

    private static <T extends HasMetadata> ResourceEventHandler<T> handler(Function<T, Optional<ClusterKey>> key,
            Consumer<ClusterKey> sink) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                key.apply(obj).ifPresent(sink);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                key.apply(newObj).ifPresent(sink);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                key.apply(obj).ifPresent(sink);
            }
        };
    }

    /** Whether every informer has listed its resources once. */
    public boolean synced() {
        return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** Keys of every RaftCluster currently known, for a resync. */
    @SuppressWarnings("unchecked")
    public List<ClusterKey> clusters() {
        SharedIndexInformer<GenericKubernetesResource> clusters = (SharedIndexInformer<GenericKubernetesResource>) informers.get(0);
        return clusters.getStore().list().stream().map(ClusterKeys::ofCluster).sorted().toList();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::stop);
    }
}
