package dev.raftops.domain.restore;

/** Stable reasons and condition types of a restore (conditions, Events; see docs/reference/restore.md). */
public final class RestoreReasons {

    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String CLUSTER_NOT_FOUND = "ClusterNotFound";
    public static final String OPERATION_LOCK_HELD = "OperationLockHeld";
    public static final String UPGRADE_RECORDED = "UpgradeRecorded";
    public static final String LOCK_ACQUIRED = "LockAcquired";
    public static final String LOCK_LOST = "OperationLockLost";
    public static final String RESTORE_STARTED = "RestoreStarted";
    public static final String RESTORE_JOB_FAILED = "RestoreJobFailed";
    public static final String SNAPSHOT_RESTORED = "SnapshotRestored";
    public static final String MEMBERS_RESTARTING = "MembersRestarting";
    public static final String MEMBERS_RESTART_FAILED = "MembersRestartFailed";
    public static final String RESTORE_COMPLETE = "RestoreComplete";
    public static final String RESTORE_ABANDONED = "RestoreAbandoned";
    public static final String WAITING_FOR_JOB = "WaitingForRestoreJob";

    private RestoreReasons() {
    }
}
