package dev.raftops.domain.resource;

/** The only situations that enter break-glass: continuing automatically could lose quorum or data. */
public enum BreakGlassReason {
    /** A blue/green rollback failed: neither colour is known to hold a healthy quorum. */
    RollbackFailed,
    /** More than one pod claims Raft leadership. */
    SplitBrain
}
