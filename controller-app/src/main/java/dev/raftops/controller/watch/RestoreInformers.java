package dev.raftops.controller.watch;

import dev.raftops.adapters.fabric8.crd.RaftRestore;
import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A shared informer on {@code RaftRestore}s: every change becomes the restore's key. Its store also
 * answers which restores name a cluster, so a change of the cluster (its lock, the roll a restore
 * asked for) or of its Jobs wakes them.
 */
public final class RestoreInformers implements AutoCloseable {

    private final SharedIndexInformer<RaftRestore> informer;

    /** @param namespace null watches every namespace */
    public RestoreInformers(KubernetesClient client, String namespace, Consumer<ClusterKey> onRestore) {
        var restores = namespace == null ? client.resources(RaftRestore.class).inAnyNamespace()
                : client.resources(RaftRestore.class).inNamespace(namespace);
        this.informer = restores.inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(RaftRestore obj) {
                onRestore.accept(ClusterKeys.ofCluster(obj));
            }

            @Override
            public void onUpdate(RaftRestore oldObj, RaftRestore newObj) {
                onRestore.accept(ClusterKeys.ofCluster(newObj));
            }

            @Override
            public void onDelete(RaftRestore obj, boolean deletedFinalStateUnknown) {
                onRestore.accept(ClusterKeys.ofCluster(obj));
            }
        }, 0);
    }

    /** The restores in {@code cluster}'s namespace that name it. */
    public List<ClusterKey> restoresOf(ClusterKey cluster) {
        return informer.getStore().list().stream()
                .filter(r -> Objects.equals(r.getMetadata().getNamespace(), cluster.namespace()))
                .filter(r -> r.getSpec() != null && cluster.name().equals(r.getSpec().clusterRef))
                .map(ClusterKeys::ofCluster).sorted().toList();
    }

    /** Every restore known, for a resync. */
    public List<ClusterKey> restores() {
        return informer.getStore().list().stream().map(ClusterKeys::ofCluster).sorted().toList();
    }

    public boolean synced() {
        return informer.hasSynced();
    }

    @Override
    public void close() {
        informer.stop();
    }
}
