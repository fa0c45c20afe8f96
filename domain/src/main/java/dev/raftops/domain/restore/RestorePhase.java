package dev.raftops.domain.restore;

/** {@code status.phase} of a {@code RaftRestore}: forward only, ending in {@link #Completed} or {@link #Failed}. */
public enum RestorePhase {
    /** Waiting for the finalizer, the cluster, or the operation lock (the {@code Locked} condition says which). */
    Pending,
    /** The cluster's operation lock is the restore's ({@code restore/<name>}); the Job is next. */
    Locked,
    /** The executor's {@code restore} Job runs: it verifies the snapshot's SHA-256, then restores it. */
    Restoring,
    /** The snapshot is restored; every member restarts once, one at a time, the leader last. */
    RestartingMembers,
    Completed,
    Failed;

    public boolean terminal() {
        return this == Completed || this == Failed;
    }
}
