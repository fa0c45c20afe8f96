package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.StatefulSetView;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One simulated blue/green StatefulSet, as the fabric8 adapter renders it: {@code <cluster>-<revision>},
 * {@code OnDelete} (the template never changes, so nothing ever rolls), OrderedReady, its pods
 * labelled with the revision; a Green one names the revision it joins.
 */
final class ColourSet {

    final String name;
    final String uid;
    final String revision;
    final String image;
    final String version;
    final int replicas;
    final String joinRevision;
    final SortedMap<Integer, SimPod> pods = new TreeMap<>();
    long resourceVersion;
    int readyReplicas;

    ColourSet(String name, String uid, String revision, String image, String version, int replicas,
            String joinRevision) {
        this.name = name;
        this.uid = uid;
        this.revision = revision;
        this.image = image;
        this.version = version;
        this.replicas = replicas;
        this.joinRevision = joinRevision;
    }

    StatefulSetView view() {
        return new StatefulSetView(name, uid, Long.toString(resourceVersion), replicas, null, true, revision, revision,
                image, 1, 1, readyReplicas, pods.size(), Map.of());
    }
}
