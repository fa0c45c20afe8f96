package dev.raftops.domain.rolling;

/** Stable reasons of the rolling upgrade, used in conditions, Events and failures (see docs/reference). */
public final class RollingReasons {

    public static final String UPGRADE_STARTED = "UpgradeStarted";
    public static final String UPGRADE_RETARGETED = "UpgradeRetargeted";
    public static final String UPGRADE_COMPLETE = "UpgradeComplete";
    public static final String UPGRADE_FAILED = "UpgradeFailed";
    /** The upgrade starts but skips more minor versions than {@code spec.upgrade.policy.maxMinorSkip}. */
    public static final String UPGRADE_POLICY_WARNING = "UpgradePolicyWarning";
    public static final String STEP_DOWN_REQUESTED = "StepDownRequested";
    public static final String STEP_DOWN_TIMEOUT = "StepDownTimeout";
    public static final String STEP_DOWN_FAILED = "StepDownFailed";
    public static final String POD_RELEASED = "PodReleased";
    public static final String POD_UPGRADED = "PodUpgraded";
    public static final String POD_NOT_READY = "PodNotReady";
    public static final String STUCK_POD_DELETED = "StuckPodDeleted";
    public static final String RETRY_ACCEPTED = "RetryAccepted";
    public static final String CLUSTER_NOT_READY = "ClusterNotReady";
    public static final String QUORUM_NOT_HEALTHY = "QuorumNotHealthy";
    public static final String LEADER_UNKNOWN = "LeaderUnknown";
    public static final String SPLIT_BRAIN = "SplitBrain";
    public static final String OPERATION_LOCK_BLOCKED = "OperationLockBlocked";
    public static final String OPERATION_LOCK_LOST = "OperationLockLost";
    public static final String PRE_UPGRADE_SNAPSHOT_STARTED = "PreUpgradeSnapshotStarted";
    public static final String PRE_UPGRADE_SNAPSHOT_FAILED = "PreUpgradeSnapshotFailed";
    public static final String SNAPSHOT_PREREQUISITE_MISSING = "SnapshotPrerequisiteMissing";
    public static final String PARTITION_MISMATCH = "PartitionMismatch";
    public static final String TEMPLATE_DRIFT = "TemplateDrift";
    public static final String TEMPLATE_NOT_OBSERVED = "TemplateNotObserved";
    public static final String WAITING_FOR_POD = "WaitingForPod";
    public static final String UP_TO_DATE = "UpToDate";
    public static final String CLUSTER_INITIALIZED = "ClusterInitialized";
    /** {@code spec.maintenance.restartAt} started a rolling restart (no version change). */
    public static final String RESTART_STARTED = "RestartStarted";
    /** A restart request arrived during a roll: every pod rolls again from the top, once. */
    public static final String RESTART_FOLDED = "RestartFolded";
    /** {@code spec.image} names another image for the version the cluster runs: every pod rolls onto it. */
    public static final String IMAGE_CHANGE_STARTED = "ImageChangeStarted";
    /**
     * Before the first convergence the StatefulSet runs another image than {@code spec.image} names: a live
     * template is changed only by a roll, which needs a converged cluster.
     */
    public static final String TEMPLATE_IMAGE_DIFFERS = "TemplateImageDiffers";
    /** A restart request on a BlueGreen cluster: recorded as handled, nothing rolls. */
    public static final String RESTART_NOT_SUPPORTED = "RestartNotSupported";

    private RollingReasons() {
    }
}
