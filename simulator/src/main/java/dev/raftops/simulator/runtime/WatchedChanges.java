package dev.raftops.simulator.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change the API reports to the StatefulSets and Services raftops manages and to the
 * RaftClusters of one namespace, kept in the order the watches delivered them until the runtime's next tick takes them.
 *
 * <p>Why watches and not the tick's own reads: the controller can write twice between two ticks
 * (lock the partition, then release the highest ordinal; release the lock, then let another
 * operation take it). A read per tick sees only the second write, so the trace would show a
 * partition never raised or a lock passed on without a release. A watch reports each write.
 */
final class WatchedChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedChanges.class);

    /** One reported change. */
    sealed interface Change permits SetChanged, SetDeleted, StatusChanged, ServiceChanged {
    }

    /** A managed StatefulSet was created or changed; {@code statefulSet} is its new state. */
    record SetChanged(StatefulSet statefulSet) implements Change {
    }

    /** A managed StatefulSet was deleted. */
    record SetDeleted(String name) implements Change {
    }

    /** A managed Service was created or changed (blue/green switches the client Services' selector). */
    record ServiceChanged(Service service) implements Change {
    }

    /** A RaftCluster was created or changed; {@code status} is its status (null when it has none). */
    record StatusChanged(String cluster, long resourceVersion, Map<String, Object> status) implements Change {
    }

    private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
    private final List<Watch> watches = new ArrayList<>();

    /**
     * Opens the watches, then queues what already exists (a duplicate of a watched change is
     * harmless: the runtime ignores states older than the one it has).
     */
    void open(KubernetesClient client, String namespace) {
        var sets = client.apps().statefulSets().inNamespace(namespace).withLabel(ClusterRuntime.MANAGED_BY, "raftops");
        watches.add(sets.watch(watcher(sts -> queue.add(new SetChanged(sts)),
                sts -> queue.add(new SetDeleted(sts.getMetadata().getName())))));
        var services = client.services().inNamespace(namespace).withLabel(ClusterRuntime.MANAGED_BY, "raftops");
        watches.add(services.watch(watcher(svc -> queue.add(new ServiceChanged(svc)), svc -> { })));
        var clusters = client.genericKubernetesResources(PlayedCluster.RAFT_CLUSTER)
                .inNamespace(namespace);
        try {
            watches.add(clusters.watch(watcher(this::statusChanged, cr -> { })));
        } catch (KubernetesClientException e) {
            LOG.debug("no RaftCluster API to watch ({}); no status lines will be traced", e.getMessage());
        }
        sets.list().getItems().forEach(sts -> queue.add(new SetChanged(sts)));
        services.list().getItems().forEach(svc -> queue.add(new ServiceChanged(svc)));
    }

    @SuppressWarnings("unchecked")
    private void statusChanged(GenericKubernetesResource cr) {
        Object status = cr.getAdditionalProperties().get("status");
        queue.add(new StatusChanged(cr.getMetadata().getName(), resourceVersion(cr),
                status instanceof Map ? (Map<String, Object>) status : null));
    }

    /** Takes every change reported so far, oldest first. */
    List<Change> drain() {
        List<Change> changes = new ArrayList<>();
        for (Change c = queue.poll(); c != null; c = queue.poll()) {
            changes.add(c);
        }
        return changes;
    }

    /**
     * The resourceVersion as a number, to order two states of one object. The embedded API server
     * counts them up; an opaque one (a real API server) counts as newer than anything seen.
     */
    static long resourceVersion(HasMetadata object) {
        try {
            return Long.parseLong(object.getMetadata().getResourceVersion());
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static <T extends HasMetadata> Watcher<T> watcher(Consumer<T> changed, Consumer<T> deleted) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T resource) {
                if (action == Action.DELETED) {
                    deleted.accept(resource);
                } else if (action == Action.ADDED || action == Action.MODIFIED) {
                    changed.accept(resource);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                LOG.warn("runtime watch closed: {}", cause.getMessage());
            }
        };
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
        watches.clear();
    }
}
