package dev.raftops.controller.watch;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shared informers on RaftClusters and on the StatefulSets, pods and Jobs raftops manages. Every
 * event becomes the key of its cluster, handed to the controllers' queues: a change is a wake-up,
 * never a decision input (decisions re-read the whole state). Pods and Jobs are Day-2 inputs only;
 * the workload loop renders from the RaftCluster and compares with the StatefulSet's spec and
 * metadata, so it is not woken by them, nor by a change of the StatefulSet's status alone.
 */
public final class ClusterInformers implements AutoCloseable {

    public static final ResourceDefinitionContext RAFT_CLUSTERS = new ResourceDefinitionContext.Builder()
            .withGroup("raftops.dev").withVersion("v1alpha1").withKind("RaftCluster").withPlural("raftclusters")
            .withNamespaced(true).build();

    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

    /** What changed on a managed StatefulSet. */
    public enum StatefulSetChange {
        /** Created, deleted, or its spec or metadata changed. */
        OBJECT,
        /** Only its status (same generation, labels, annotations and owners): the StatefulSet controller reporting. */
        STATUS
    }

    /**
     * @param namespace null watches every namespace
     * @param onCluster a RaftCluster changed: its key and the resourceVersion the event carries
     * @param onStatefulSet a managed StatefulSet changed (both loops read it), and what changed
     * @param onPodOrJob a managed pod or Job changed (pod Ready, leader label, Job finished: Day-2 inputs)
     */
    public ClusterInformers(KubernetesClient client, String namespace, BiConsumer<ClusterKey, String> onCluster,
            BiConsumer<ClusterKey, StatefulSetChange> onStatefulSet, Consumer<ClusterKey> onPodOrJob) {
        var clusters = namespace == null
                ? client.genericKubernetesResources(RAFT_CLUSTERS).inAnyNamespace()
                : client.genericKubernetesResources(RAFT_CLUSTERS).inNamespace(namespace);
        // a deletion carries no resourceVersion of a write: it is never taken for the echo of one
        informers.add(clusters.inform(handler(o -> Optional.of(ClusterKeys.ofCluster(o)),
                (key, cr) -> onCluster.accept(key, cr.getMetadata().getResourceVersion()),
                key -> onCluster.accept(key, null)), 0));
        var statefulSets = namespace == null ? client.apps().statefulSets().inAnyNamespace()
                : client.apps().statefulSets().inNamespace(namespace);
        informers.add(statefulSets.withLabel(ClusterKeys.MANAGED_BY_LABEL, ClusterKeys.MANAGED_BY)
                .inform(statefulSetHandler(onStatefulSet), 0));
        informers.add(managed(namespace == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(namespace),
                onPodOrJob));
        informers.add(managed(namespace == null ? client.batch().v1().jobs().inAnyNamespace()
                : client.batch().v1().jobs().inNamespace(namespace), onPodOrJob));
    }

    private static <T extends HasMetadata> SharedIndexInformer<T> managed(
            io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable<T, ?, ?> source, Consumer<ClusterKey> sink) {
        return source.withLabel(ClusterKeys.MANAGED_BY_LABEL, ClusterKeys.MANAGED_BY)
                .inform(handler(ClusterKeys::ofManaged, (key, obj) -> sink.accept(key), sink), 0);
    }

    private static ResourceEventHandler<StatefulSet> statefulSetHandler(BiConsumer<ClusterKey, StatefulSetChange> sink) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(StatefulSet obj) {
                ClusterKeys.ofManaged(obj).ifPresent(k -> sink.accept(k, StatefulSetChange.OBJECT));
            }

            @Override
            public void onUpdate(StatefulSet oldObj, StatefulSet newObj) {
                StatefulSetChange change = statusOnly(oldObj, newObj) ? StatefulSetChange.STATUS : StatefulSetChange.OBJECT;
                ClusterKeys.ofManaged(newObj).ifPresent(k -> sink.accept(k, change));
            }

            @Override
            public void onDelete(StatefulSet obj, boolean deletedFinalStateUnknown) {
                ClusterKeys.ofManaged(obj).ifPresent(k -> sink.accept(k, StatefulSetChange.OBJECT));
            }
        };
    }

    /** A spec change moves the generation; the metadata the workload loop renders is compared as a whole. */
    static boolean statusOnly(StatefulSet before, StatefulSet after) {
        ObjectMeta b = before.getMetadata();
        ObjectMeta a = after.getMetadata();
        return b.getGeneration() != null && Objects.equals(b.getGeneration(), a.getGeneration())
                && Objects.equals(b.getLabels(), a.getLabels()) && Objects.equals(b.getAnnotations(), a.getAnnotations())
                && Objects.equals(b.getOwnerReferences(), a.getOwnerReferences())
                && Objects.equals(b.getDeletionTimestamp(), a.getDeletionTimestamp());
    }

    private static <T extends HasMetadata> ResourceEventHandler<T> handler(Function<T, Optional<ClusterKey>> key,
            BiConsumer<ClusterKey, T> sink, Consumer<ClusterKey> deleted) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                key.apply(obj).ifPresent(k -> sink.accept(k, obj));
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                key.apply(newObj).ifPresent(k -> sink.accept(k, newObj));
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                key.apply(obj).ifPresent(deleted);
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
