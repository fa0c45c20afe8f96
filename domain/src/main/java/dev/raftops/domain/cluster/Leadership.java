package dev.raftops.domain.cluster;

/** What the observation says about one pod's Raft leadership. */
public enum Leadership {
    LEADER,
    FOLLOWER,
    /** Not reported or ambiguous: treated as "may be leader". */
    UNKNOWN
}
