package dev.raftops.simulator.runtime;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clusters of the namespace a {@link ClusterRuntime} plays, as its watches report them: each
 * change is taken in the order it happened (one older than a state already taken is dropped) and
 * handed to the cluster it belongs to ({@link PlayedCluster}); a round plays every managed
 * StatefulSet once as last reported, then finishes due Jobs.
 */
final class PlayedNamespace {

    private static final Logger LOG = LoggerFactory.getLogger(PlayedNamespace.class);

    private final KubernetesClient client;
    private final String namespace;
    /** Plays a cluster first seen. */
    private final Function<String, PlayedCluster> newCluster;
    private final PodDeleters deleters;
    private final Map<String, PlayedCluster> clusters = new TreeMap<>();
    /** The managed StatefulSets as the watch last reported them, and the resourceVersions taken, by object. */
    private final Map<String, StatefulSet> sets = new TreeMap<>();
    private final Map<String, Long> seen = new TreeMap<>();
    private final ClosedPort closed = new ClosedPort();

    PlayedNamespace(KubernetesClient client, String namespace, Function<String, PlayedCluster> newCluster,
            PodDeleters deleters) {
        this.client = client;
        this.namespace = namespace;
        this.newCluster = newCluster;
        this.deleters = deleters;
    }

    /** Plays every managed StatefulSet of the namespace once as the watch last reported it, then due Jobs finish. */
    void play() {
        for (StatefulSet sts : sets.values()) {
            played(sts.getMetadata().getLabels().get(ClusterRuntime.CLUSTER)).play(sts);
        }
        for (PlayedCluster cluster : clusters.values()) {
            cluster.afterSets();
        }
    }

    /** Takes watched changes, in the order they happened. */
    void absorb(List<WatchedChange> changes) {
        for (WatchedChange change : changes) {
            if (change instanceof WatchedChange.SetChanged c) {
                StatefulSet sts = c.statefulSet();
                String name = sts.getMetadata().getName();
                String cluster = sts.getMetadata().getLabels() == null ? null
                        : sts.getMetadata().getLabels().get(ClusterRuntime.CLUSTER);
                if (!takes("sts/" + name, WatchedChanges.resourceVersion(sts)) || cluster == null) {
                    continue; // older than the state already taken, or not a cluster's
                }
                sets.put(name, sts);
                played(cluster).observe(sts);
            } else if (change instanceof WatchedChange.SetDeleted d) {
                StatefulSet gone = sets.remove(d.name());
                String cluster = gone == null || gone.getMetadata().getLabels() == null ? null
                        : gone.getMetadata().getLabels().get(ClusterRuntime.CLUSTER);
                if (cluster != null) {
                    played(cluster).deleted(d.name());
                }
            } else if (change instanceof WatchedChange.ServiceChanged c) {
                service(c.service());
            } else if (change instanceof WatchedChange.PodDeleted d) {
                if (d.cluster() != null && clusters.containsKey(d.cluster())) {
                    clusters.get(d.cluster()).podDeleted(d.name(), d.uid(), deleters.causeOf(d.name()));
                } else {
                    deleters.causeOf(d.name());
                }
            } else if (change instanceof PodLabelled l) {
                if (l.cluster() != null && clusters.containsKey(l.cluster())) {
                    clusters.get(l.cluster()).labelled(l.pod(), l.revision());
                }
            } else if (change instanceof WatchedChange.JobChanged c) {
                job(c.job());
            } else if (change instanceof WatchedChange.JobDeleted d) {
                if (d.cluster() != null && clusters.containsKey(d.cluster())) {
                    clusters.get(d.cluster()).jobDeleted(d.name());
                }
            } else if (change instanceof WatchedChange.StatusChanged s) {
                if (takes("cluster/" + s.cluster(), s.resourceVersion())) {
                    played(s.cluster()).raftStateFromLabels(s.labels());
                    if (s.status() != null) {
                        played(s.cluster()).status(s.status());
                    }
                }
            }
        }
    }

    private void job(Job job) {
        String cluster = job.getMetadata().getLabels().get(ClusterRuntime.CLUSTER);
        if (takes("job/" + job.getMetadata().getName(), WatchedChanges.resourceVersion(job))) {
            played(cluster).job(job);
        }
    }

    private void service(Service svc) {
        String cluster = svc.getMetadata().getLabels() == null ? null
                : svc.getMetadata().getLabels().get(ClusterRuntime.CLUSTER);
        if (cluster != null && takes("svc/" + svc.getMetadata().getName(), WatchedChanges.resourceVersion(svc))) {
            played(cluster).service(svc);
        }
    }

    /** Records {@code version} of {@code object} unless it is older than the state already taken; false then. */
    private boolean takes(String object, long version) {
        if (version < seen.getOrDefault(object, Long.MIN_VALUE)) {
            return false;
        }
        seen.put(object, version);
        return true;
    }

    /** Whether every object of {@code written} was taken at that version or later. */
    boolean hasTaken(Map<String, Long> written) {
        return written.entrySet().stream().allMatch(w -> seen.getOrDefault(w.getKey(), Long.MIN_VALUE) >= w.getValue());
    }

    /**
     * The resourceVersions of every managed StatefulSet, Service, Job and RaftCluster in the API now,
     * by the same {@code kind/name} keys the changes are taken by (for {@link #hasTaken}).
     */
    Map<String, Long> writtenSoFar() {
        Map<String, Long> written = new TreeMap<>();
        client.apps().statefulSets().inNamespace(namespace).withLabel(ClusterRuntime.MANAGED_BY, "raftops").list()
                .getItems().forEach(sts -> written.put("sts/" + sts.getMetadata().getName(),
                        WatchedChanges.resourceVersion(sts)));
        client.services().inNamespace(namespace).withLabel(ClusterRuntime.MANAGED_BY, "raftops").list()
                .getItems().forEach(svc -> written.put("svc/" + svc.getMetadata().getName(),
                        WatchedChanges.resourceVersion(svc)));
        client.batch().v1().jobs().inNamespace(namespace).withLabel(ClusterRuntime.CLUSTER).list()
                .getItems().forEach(job -> written.put("job/" + job.getMetadata().getName(),
                        WatchedChanges.resourceVersion(job)));
        try {
            client.genericKubernetesResources(PlayedCluster.RAFT_CLUSTER)
                    .inNamespace(namespace).list().getItems().forEach(cr -> written.put("cluster/"
                            + cr.getMetadata().getName(), WatchedChanges.resourceVersion(cr)));
        } catch (KubernetesClientException e) {
            LOG.debug("no RaftCluster API: {}", e.getMessage());
        }
        return written;
    }

    /** Stops the executor Jobs still running and the API the pods serve. */
    void close() {
        clusters.values().forEach(PlayedCluster::close);
        closed.close();
    }

    /** Where {@code pod}'s OpenBao API answers now; a port nothing listens on when its server does not run. */
    String podAddress(String pod) {
        for (PlayedCluster cluster : clusters.values()) {
            String base = cluster.setOfPod(pod) == null ? null : cluster.apis.base(pod);
            if (base != null) {
                return base;
            }
        }
        return closed.base(pod);
    }

    /** HTTP requests the pods' API answered (or dropped) so far. */
    long apiRequests() {
        return clusters.values().stream().mapToLong(c -> c.apis.requests()).sum();
    }

    /** The StatefulSet {@code name} as played, or null when it was never seen. */
    PlayedStatefulSet playedSet(String statefulSet) {
        for (PlayedCluster cluster : clusters.values()) {
            PlayedStatefulSet set = cluster.playedSet(statefulSet);
            if (set != null) {
                return set;
            }
        }
        return null;
    }

    private PlayedCluster played(String cluster) {
        return clusters.computeIfAbsent(cluster, newCluster);
    }
}
