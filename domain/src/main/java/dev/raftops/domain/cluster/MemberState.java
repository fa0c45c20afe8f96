package dev.raftops.domain.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workload's own API said about one pod at {@code probedAt}: whether it answered at all,
 * leads, is sealed or initialised, the version it runs and its Raft indexes. A probe that failed
 * ({@code error} set) knows nothing: such a member may lead and is not caught up.
 *
 * @param answered the pod answered its health endpoint with a status the API documents
 * @param leading the pod reports itself active ({@code is_self} of {@code sys/leader}, asked after health)
 * @param sealed health 503
 * @param initialized false on health 501
 * @param version the version health reports, or null
 * @param appliedIndex the pod's {@code raft_applied_index} (0 when the leader endpoint omitted it), or
 *     null when the leader endpoint did not answer
 * @param committedIndex the pod's {@code raft_committed_index}, as {@code appliedIndex}
 * @param error why the probe failed, or null
 */
public record MemberState(boolean answered, boolean leading, boolean sealed, boolean initialized, String version,
        Long appliedIndex, Long committedIndex, Instant probedAt, String error) {

    /** A gate a member can fail on its own, named as the waits name it. */
    public static final String UNSEALED = "Unsealed";
    public static final String INITIALIZED = "Initialized";
    public static final String RAFT_STATE = "RaftState";

    /** A probe that did not get an answer: unknown, so cautious. */
    public static MemberState failed(Instant at, String error) {
        return new MemberState(false, false, false, false, null, null, null, at,
                error == null || error.isBlank() ? "no answer" : error);
    }

    /** The probe got an answer it can decide from: health and leader both read. */
    public boolean known() {
        return answered && error == null;
    }

    /** Known not to lead: an unknown member may lead. */
    public boolean follower() {
        return known() && !leading;
    }

    /** The gates this member fails by itself (in the order they clear), empty when it can serve. */
    public List<String> unmet() {
        List<String> out = new ArrayList<>();
        if (!known()) {
            out.add(RAFT_STATE);
            return out;
        }
        if (!initialized) {
            out.add(INITIALIZED);
        }
        if (sealed) {
            out.add(UNSEALED);
        }
        return out;
    }
}
