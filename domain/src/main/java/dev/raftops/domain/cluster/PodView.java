package dev.raftops.domain.cluster;

import java.util.ArrayList;
import java.util.List;
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
 * @param member what the workload's API said about the pod ({@code spec.upgrade.raftState: api}), or
 *     null when the facts come from the leader label and the annotations ({@code labels})
 * @param trafficRevision the pod's {@code raftops.dev/revision} label, which the client Services select
 *     on (a blue/green colour's pods carry it from their template; an adopted Blue's pods get it
 *     patched), or null when the pod has none
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
        String resourceVersion,
        MemberState member,
        String trafficRevision) {

    /** A pod without the traffic label (a rolling StatefulSet's, or one that does not report it). */
    public PodView(String name, String statefulSet, int ordinal, String uid, String revision, String image,
            String version, boolean ready, boolean terminating, int restartCount, Leadership leadership, Long lag,
            boolean voter, Map<String, String> annotations, String resourceVersion, MemberState member) {
        this(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating, restartCount, leadership,
                lag, voter, annotations, resourceVersion, member, null);
    }

    /** Gates a pod fails on its own, besides those of {@link MemberState#unmet()}. */
    public static final String POD_READY = "PodReady";
    public static final String CAUGHT_UP = "CaughtUp";

    /** A pod whose Raft facts come from labels and annotations. */
    public PodView(String name, String statefulSet, int ordinal, String uid, String revision, String image,
            String version, boolean ready, boolean terminating, int restartCount, Leadership leadership, Long lag,
            boolean voter, Map<String, String> annotations, String resourceVersion) {
        this(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating, restartCount, leadership,
                lag, voter, annotations, resourceVersion, null);
    }

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

    /**
     * Ready, not terminating, and within {@code maxLag} entries of the leader. From the workload's API
     * the member must also be known, initialised and unsealed, and an unknown lag is not caught up;
     * from labels (where nothing may report it) an absent lag leaves Ready alone to count.
     */
    public boolean caughtUp(long maxLag) {
        return waitsFor(maxLag).isEmpty();
    }

    /** The gates this pod fails for "Ready and caught up", by name ({@code Unsealed}, ...); empty when it passes. */
    public List<String> waitsFor(long maxLag) {
        List<String> out = new ArrayList<>();
        if (!ready || terminating) {
            out.add(POD_READY);
        }
        if (member != null) {
            out.addAll(member.unmet());
        }
        boolean lagKnown = lag != null || member == null;
        if (out.isEmpty() && (!lagKnown || (lag != null && lag > maxLag))) {
            out.add(CAUGHT_UP);
        }
        return List.copyOf(out);
    }

    /** This pod with the traffic label {@code value}. */
    public PodView withTrafficRevision(String value) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating,
                restartCount, leadership, lag, voter, annotations, resourceVersion, member, value);
    }

    /** The probe's error, when the workload's API did not answer. */
    public String probeError() {
        return member == null ? null : member.error();
    }

    public PodView withReady(boolean value) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, value, terminating,
                restartCount, leadership, lag, voter, annotations, resourceVersion, member, trafficRevision);
    }

    public PodView withLeadership(Leadership value) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating,
                restartCount, value, lag, voter, annotations, resourceVersion, member, trafficRevision);
    }

    public PodView withLag(Long value) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, ready, terminating,
                restartCount, leadership, value, voter, annotations, resourceVersion, member, trafficRevision);
    }

    /**
     * This pod as the workload's API reported it: leadership from the probe (unknown when it failed),
     * the version it runs, and its lag behind {@code leaderCommitted} (null when either is unknown).
     */
    public PodView probed(MemberState value, Long leaderCommitted) {
        Leadership lead = value.known() ? (value.leading() ? Leadership.LEADER : Leadership.FOLLOWER) : Leadership.UNKNOWN;
        Long behind = value.known() && leaderCommitted != null && value.appliedIndex() != null
                ? Math.max(0, leaderCommitted - value.appliedIndex()) : null;
        String runs = value.version() != null ? value.version() : version;
        return new PodView(name, statefulSet, ordinal, uid, revision, image, runs, ready, terminating,
                restartCount, lead, behind, voter, annotations, resourceVersion, value, trafficRevision);
    }
}
