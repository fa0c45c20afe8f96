package dev.raftops.domain.cluster;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One observed pod of a cluster StatefulSet.
 *
 * @param revision the pod's {@code controller-revision-hash}
 * @param version the workload version the pod reports, or null when unknown
 * @param lag Raft log entries behind the leader, or null when the workload does not report it
 * @param voter whether the pod is a Raft voting member (green pods join as non-voters)
 * @param resourceVersion the pod's resourceVersion as observed (a delete's precondition), or null when unknown
 */
public record PodView(
        String name,
        String statefulSet,
        int ordinal,
        String uid,
        String revision,
        String image,
        String version,
        boolean ready,
        boolean terminating,
        int restartCount,
        Leadership leadership,
        Long lag,
        boolean voter,
        Map<String, String> annotations,
        String resourceVersion) {

    public PodView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(leadership, "leadership");
        if (ordinal < 0) {
            throw new IllegalArgumentException("negative ordinal " + ordinal + " for pod " + name);
        }
        annotations = annotations == null ? Map.of() : Map.copyOf(new TreeMap<>(annotations));
    }

    /** A pod whose resourceVersion is not observed. */
    public PodView(String name, String statefulSet, int ordinal, String uid, String revision, String image,
            String version, boolean ready, boolean terminating, int restartCount, Leadership leadership, Long lag,
            boolean voter, Map<String, String> annotations) {
        this(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating, restartCount, leadership,
                lag, voter, annotations, null);
    }

    public boolean isLeader() {
        return leadership == Leadership.LEADER;
    }

    /** Ready, not terminating, and (where the workload reports it) within {@code maxLag} entries of the leader. */
    public boolean caughtUp(long maxLag) {
        return ready && !terminating && (lag == null || lag <= maxLag);
    }

    public PodView withReady(boolean value) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, value, terminating,
                restartCount, leadership, lag, voter, annotations, resourceVersion);
    }

    public PodView withLeadership(Leadership value) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating,
                restartCount, value, lag, voter, annotations, resourceVersion);
    }

    public PodView withLag(Long value) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating,
                restartCount, leadership, value, voter, annotations, resourceVersion);
    }
}
