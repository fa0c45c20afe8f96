package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.StatefulSetView;
import java.util.Map;
import java.util.TreeMap;

/** The simulated StatefulSet object: spec (partition, template) and the status its controller reports. */
final class SimStatefulSet {

    final String name;
    final String uid;
    final int replicas;
    /** {@code updateStrategy: OnDelete} (an adopted StatefulSet as the OpenBao Helm chart renders it). */
    final boolean onDelete;
    final Map<String, String> annotations = new TreeMap<>();
    final Map<String, String> imageOfRevision = new TreeMap<>();
    /** The restart annotation of each revision that has one. */
    final Map<String, String> restartOfRevision = new TreeMap<>();
    long resourceVersion;
    long generation = 1;
    long observedGeneration = 1;
    Integer partition;
    String templateImage;
    /** The pod template's {@code raftops.dev/restartedAt} annotation, or null. */
    String templateRestartedAt;
    String currentRevision;
    String updateRevision;
    int readyReplicas;
    int updatedReplicas;

    SimStatefulSet(String name, String uid, int replicas, String image, boolean onDelete) {
        this.name = name;
        this.uid = uid;
        this.replicas = replicas;
        this.onDelete = onDelete;
        this.templateImage = image;
        this.updateRevision = revisionOf(image);
        this.currentRevision = updateRevision;
        imageOfRevision.put(updateRevision, image);
    }

    /** A controller-revision name derived from the template, stable across runs. */
    String revisionOf(String image) {
        return name + "-" + String.format("%08x", image.hashCode());
    }

    /** The revision of a template with {@code image} and restart annotation {@code restartedAt} (null: none). */
    String revisionOf(String image, String restartedAt) {
        return restartedAt == null ? revisionOf(image)
                : name + "-" + String.format("%08x", (image + "@" + restartedAt).hashCode());
    }

    StatefulSetView view() {
        return new StatefulSetView(name, uid, Long.toString(resourceVersion), replicas, partition, onDelete,
                currentRevision, updateRevision, templateImage, generation, observedGeneration, readyReplicas,
                updatedReplicas, annotations, templateRestartedAt);
    }
}
