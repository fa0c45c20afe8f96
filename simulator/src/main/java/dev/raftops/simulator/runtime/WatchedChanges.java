package dev.raftops.simulator.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change the API reports to the StatefulSets and Services raftops manages, to the
 * RaftClusters, and to the clusters' pods (deletions only) and executor Jobs of one namespace,
 * held until the runtime's next tick and handed out in resourceVersion order (the order the API
 * server made the writes in), across the watches.
 *
 * <p>Why watches and not the tick's own reads: the controller can write twice between two ticks
 * (lock the partition, then release the highest ordinal; release the lock, then let another
 * operation take it). A read per tick sees only the second write, so the trace would show a
 * partition never raised or a lock passed on without a release. A watch reports each write.
 */
final class WatchedChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedChanges.class);

    /** The longest a change waits for the other watch to catch up. */
    static final Duration HOLD = Duration.ofMillis(500);

    /** A change as delivered, with its resourceVersion and when it arrived. */
    private record Delivered(WatchedChange change, long resourceVersion, long arrivedNanos) {
    }

    private final ConcurrentLinkedQueue<Delivered> queue = new ConcurrentLinkedQueue<>();
    private final List<Delivered> pending = new ArrayList<>();
    /** Per watch ("sets", "services", "clusters"), the newest resourceVersion it delivered. */
    private final Map<String, Long> newest = new ConcurrentHashMap<>();
    private final List<Watch> watches = new ArrayList<>();
    /** Per watch, the resourceVersions of what it watches now, read from the API (an idle watch's proof). */
    private final Map<String, java.util.function.Supplier<List<? extends HasMetadata>>> lists = new java.util.TreeMap<>();

    /**
     * Opens the watches, then queues what already exists (a duplicate of a watched change is
     * harmless: the runtime ignores states older than the one it has).
     */
    void open(KubernetesClient client, String namespace) {
        var sets = client.apps().statefulSets().inNamespace(namespace).withLabel(ClusterRuntime.MANAGED_BY, "raftops");
        newest.put("sets", Long.MIN_VALUE);
        lists.put("sets", () -> sets.list().getItems());
        watches.add(sets.watch(watcher(sts -> deliver("sets", new WatchedChange.SetChanged(sts), sts),
                sts -> deliver("sets", new WatchedChange.SetDeleted(sts.getMetadata().getName()), sts))));
        var services = client.services().inNamespace(namespace).withLabel(ClusterRuntime.MANAGED_BY, "raftops");
        newest.put("services", Long.MIN_VALUE);
        lists.put("services", () -> services.list().getItems());
        watches.add(services.watch(watcher(svc -> deliver("services", new WatchedChange.ServiceChanged(svc), svc), svc -> { })));
        var clusters = client.genericKubernetesResources(PlayedCluster.RAFT_CLUSTER)
                .inNamespace(namespace);
        try {
            newest.put("clusters", Long.MIN_VALUE);
            lists.put("clusters", () -> clusters.list().getItems());
            watches.add(clusters.watch(watcher(cr -> deliver("clusters", statusChanged(cr), cr), cr -> { })));
        } catch (KubernetesClientException e) {
            newest.remove("clusters");
            lists.remove("clusters");
            LOG.debug("no RaftCluster API to watch ({}); no status lines will be traced", e.getMessage());
        }
        // pods and Jobs carry the cluster label; a pod's change other than its deletion only tells how far
        // the watch is, unless it shows a traffic label patched on it (PodLabelled)
        var pods = client.pods().inNamespace(namespace).withLabel(ClusterRuntime.CLUSTER);
        newest.put("pods", Long.MIN_VALUE);
        lists.put("pods", () -> pods.list().getItems());
        watches.add(pods.watch(watcher(pod -> java.util.Optional.ofNullable(PodLabelled.of(pod)).ifPresentOrElse(
                l -> deliver("pods", l, pod), () -> newest.merge("pods", resourceVersion(pod), Math::max)),
                pod -> deliver("pods", new WatchedChange.PodDeleted(cluster(pod), pod.getMetadata().getName(),
                        pod.getMetadata().getUid()), pod))));
        var jobs = client.batch().v1().jobs().inNamespace(namespace).withLabel(ClusterRuntime.CLUSTER);
        newest.put("jobs", Long.MIN_VALUE);
        lists.put("jobs", () -> jobs.list().getItems());
        watches.add(jobs.watch(watcher(job -> deliver("jobs", new WatchedChange.JobChanged(job), job),
                job -> deliver("jobs", new WatchedChange.JobDeleted(cluster(job), job.getMetadata().getName()), job))));
        sets.list().getItems().forEach(sts -> deliver("sets", new WatchedChange.SetChanged(sts), sts));
        services.list().getItems().forEach(svc -> deliver("services", new WatchedChange.ServiceChanged(svc), svc));
        jobs.list().getItems().forEach(job -> deliver("jobs", new WatchedChange.JobChanged(job), job));
    }

    private static String cluster(HasMetadata object) {
        return object.getMetadata().getLabels() == null ? null : object.getMetadata().getLabels().get(ClusterRuntime.CLUSTER);
    }

    private void deliver(String watch, WatchedChange change, HasMetadata object) {
        long version = resourceVersion(object);
        long position = version;
        if (change instanceof WatchedChange.SetDeleted || change instanceof WatchedChange.PodDeleted || change instanceof WatchedChange.JobDeleted) {
            // the embedded API server reports a deletion with the object's last resourceVersion, not a new
            // one: it goes after every change delivered before it, as a read when it arrived would have seen it
            for (long delivered : newest.values()) {
                position = Math.max(position, delivered);
            }
        }
        queue.add(new Delivered(change, position, System.nanoTime()));
        newest.merge(watch, version, Math::max);
    }

    @SuppressWarnings("unchecked")
    private static WatchedChange statusChanged(GenericKubernetesResource cr) {
        Object status = cr.getAdditionalProperties().get("status");
        Object spec = cr.getAdditionalProperties().get("spec");
        Object upgrade = spec instanceof Map<?, ?> m ? m.get("upgrade") : null;
        boolean labels = upgrade instanceof Map<?, ?> u && "labels".equals(u.get("raftState"));
        return new WatchedChange.StatusChanged(cr.getMetadata().getName(), resourceVersion(cr),
                status instanceof Map ? (Map<String, Object>) status : null, labels);
    }

    /**
     * The newest resourceVersion every watch has delivered everything up to, as far as
     * {@code wanted} matters: a watch behind it that a list shows idle counts as caught up.
     */
    private long caughtUp(long wanted) {
        long caughtUp = Long.MAX_VALUE;
        for (Map.Entry<String, Long> watch : newest.entrySet()) {
            long delivered = watch.getValue();
            if (delivered < wanted && idle(watch.getKey(), delivered)) {
                continue;
            }
            caughtUp = Math.min(caughtUp, delivered);
        }
        return caughtUp;
    }

    /** No object of the watch changed after its newest delivery (false when the list fails). */
    private boolean idle(String watch, long delivered) {
        try {
            return lists.get(watch).get().stream().allMatch(o -> resourceVersion(o) <= delivered);
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    /**
     * Takes the changes that can be ordered now, oldest resourceVersion first: those every watch has
     * caught up with, and any that waited {@link #HOLD} (with every older one). With {@code everything},
     * all reported so far (the caller is about to trace a line of its own after them).
     */
    synchronized List<WatchedChange> drain(boolean everything) {
        for (Delivered d = queue.poll(); d != null; d = queue.poll()) {
            pending.add(d);
        }
        pending.sort(java.util.Comparator.comparingLong(Delivered::resourceVersion));
        long caughtUp = everything || pending.isEmpty() ? Long.MAX_VALUE
                : caughtUp(pending.get(pending.size() - 1).resourceVersion());
        long due = System.nanoTime() - HOLD.toNanos();
        int release = 0;
        for (int i = 0; i < pending.size(); i++) {
            Delivered d = pending.get(i);
            if (everything || d.resourceVersion() <= caughtUp || d.arrivedNanos() <= due) {
                release = i + 1;
            }
        }
        List<WatchedChange> changes = new ArrayList<>();
        for (Delivered d : pending.subList(0, release)) {
            changes.add(d.change());
        }
        pending.subList(0, release).clear();
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
