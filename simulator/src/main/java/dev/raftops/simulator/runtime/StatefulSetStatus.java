package dev.raftops.simulator.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status the StatefulSet controller reports for a {@link PlayedStatefulSet}: replica counts by
 * readiness and revision, the two revisions and the generation seen.
 */
final class StatefulSetStatus {

    private StatefulSetStatus() {
    }

    static Map<String, Object> of(Collection<PlayedPod> pods, int ready, String currentRevision, String updateRevision,
            Long generation) {
        Map<String, Object> status = new TreeMap<>();
        status.put("replicas", pods.size());
        status.put("readyReplicas", ready);
        status.put("updatedReplicas", pods.stream().filter(p -> p.revision.equals(updateRevision)).count());
        status.put("currentReplicas", pods.stream().filter(p -> p.revision.equals(currentRevision)).count());
        status.put("currentRevision", currentRevision);
        status.put("updateRevision", updateRevision);
        status.put("observedGeneration", generation == null ? 0L : generation);
        return status;
    }
}
