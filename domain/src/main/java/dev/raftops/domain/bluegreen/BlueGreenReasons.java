package dev.raftops.domain.bluegreen;

/** Event and condition reasons of the blue/green family: stable CamelCase names, listed in the docs. */
public final class BlueGreenReasons {

    public static final String UPGRADE_STARTED = "UpgradeStarted";
    public static final String PHASE_CHANGED = "BlueGreenPhaseChanged";
    public static final String UPGRADE_COMPLETE = "UpgradeComplete";
    public static final String UPGRADE_ABORTED = "UpgradeAborted";
    public static final String ROLLBACK_STARTED = "RollbackStarted";
    public static final String ROLLBACK_COMPLETED = "RollbackCompleted";
    public static final String ROLLBACK_REFUSED = "RollbackRefused";
    public static final String ROLLBACK_IGNORED = "RollbackIgnored";
    public static final String PROMOTE_IGNORED = "PromoteIgnored";
    public static final String PROMOTION_APPROVED = "BlueGreenPromotionApproved";
    public static final String AWAITING_PROMOTION = "AwaitingPromotion";
    public static final String RETRY_ACCEPTED = "RetryAccepted";
    public static final String RETRY_IGNORED = "RetryIgnored";
    public static final String TRAFFIC_SWITCHED = "TrafficSwitched";
    public static final String EXECUTOR_JOB_FAILED = "ExecutorJobFailed";
    public static final String JOB_FAILURE_THRESHOLD = "JobFailureThresholdExceeded";
    public static final String VALIDATION_FAILED = "ValidationFailed";
    public static final String MANUAL_ROLLBACK = "ManualRollback";
    public static final String TARGET_CHANGED = "TargetChanged";
    public static final String TARGET_LATCHED = "BlueGreenTargetFailed";
    public static final String CLEANUP_STALLED = "CleanupStalled";
    public static final String WAITING_FOR_PERSON = "WaitingForPerson";
    public static final String GREEN_NOT_READY = "GreenNotReady";
    public static final String BLUE_NOT_HEALTHY = "BlueNotHealthy";
    public static final String LOCK_HELD = "OperationLockHeld";
    public static final String BREAK_GLASS_ENTERED = "BreakGlassEntered";
    public static final String BREAK_GLASS_ACKNOWLEDGED = "BreakGlassAcknowledged";
    public static final String BREAK_GLASS_ACK_REJECTED = "BreakGlassAckRejected";
    public static final String BREAK_GLASS_REQUIRED = "BreakGlassRequired";
    public static final String STRATEGY_ACCEPTED = "UpgradeStrategyAccepted";
    public static final String STRATEGY_DEFERRED = "UpgradeStrategyChangeDeferred";
    /** The pods of a rolling StatefulSet adopted as Blue got the revision label the client Services select on. */
    public static final String BLUE_PODS_LABELLED = "BluePodsLabelled";
    public static final String LEFTOVER_DELETED = "LeftoverWorkloadDeleted";

    private BlueGreenReasons() {
    }
}
