package dev.raftops.domain.restore;

/** The condition types of a {@code RaftRestore} (docs/reference/restore.md). */
public final class RestoreConditions {

    /** Whether the restore holds the cluster's operation lock; False names what it waits for. */
    public static final String LOCKED = "Locked";
    /** Whether the restore has ended well: True at Completed, False while it runs (saying where) and at Failed. */
    public static final String COMPLETE = "Complete";

    private RestoreConditions() {
    }
}
