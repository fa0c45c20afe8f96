package dev.raftops.simulator.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status the StatefulSet controller reports for a {@link PlayedStatefulSet}: replica counts by
 * readiness and revision, the two revisions and the generation seen; written only when it changed.
 */
final class StatefulSetStatus {

    private final PodWrites api;
    private final String statefulSet;
    private String lastWritten;

    StatefulSetStatus(PodWrites api, String statefulSet) {
        this.api = api;
        this.statefulSet = statefulSet;
    }

    void write(Collection<PlayedPod> pods, int ready, String currentRevision, String updateRevision, Long generation) {
        Map<String, Object> status = new TreeMap<>();
        status.put("replicas", pods.size());
        status.put("readyReplicas", ready);
        status.put("updatedReplicas", pods.stream().filter(p -> p.revision.equals(updateRevision)).count());
        status.put("currentReplicas", pods.stream().filter(p -> p.revision.equals(currentRevision)).count());
        status.put("currentRevision", currentRevision);
        status.put("updateRevision", updateRevision);
        status.put("observedGeneration", generation == null ? 0L : generation);
        String summary = status.toString();
        if (!summary.equals(lastWritten)) {
            api.statefulSetStatus(statefulSet, status);
            lastWritten = summary;
        }
    }
}
