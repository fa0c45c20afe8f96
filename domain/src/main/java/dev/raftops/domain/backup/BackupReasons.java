package dev.raftops.domain.backup;

/** Event and condition reasons of the backup family (listed in {@code docs/}). */
public final class BackupReasons {

    /** A run's Job was created. */
    public static final String BACKUP_STARTED = "BackupStarted";
    public static final String BACKUP_SUCCEEDED = "BackupSucceeded";
    public static final String BACKUP_FAILED = "BackupFailed";
    /** A due window or a manual token was consumed without a Job; the message says why. */
    public static final String BACKUP_SKIPPED = "BackupSkipped";
    /** Condition reason while a Job runs. */
    public static final String BACKUP_RUNNING = "BackupRunning";
    /** Three or more consecutive failed runs. */
    public static final String BACKUP_FAILING = "BackupFailing";
    public static final String BACKUP_CONFIGURATION_INVALID = "BackupConfigurationInvalid";
    public static final String BACKUP_CONFIGURATION_VALID = "BackupConfigurationValid";
    public static final String BACKUP_DISABLED = "BackupDisabled";
    /** A recorded run whose Job could not be created within the grace period (refused, or never observed). */
    public static final String BACKUP_JOB_NOT_CREATED = "BackupJobNotCreated";
    /** A created Job that disappeared before its result was observed. */
    public static final String BACKUP_JOB_MISSING = "BackupJobMissing";

    /** Why a due backup was skipped (the cause in the {@code BackupSkipped} message and audit reason). */
    public static final String CLUSTER_INITIALIZING = "ClusterInitializing";
    public static final String UPGRADE_PENDING = "UpgradePending";
    public static final String UPGRADE_IN_PROGRESS = "UpgradeInProgress";
    public static final String UPGRADE_FAILED = "UpgradeFailed";
    public static final String BLUE_GREEN_IN_PROGRESS = "BlueGreenInProgress";
    public static final String OPERATION_LOCK_HELD = "OperationLockHeld";
    public static final String BACKUP_ALREADY_RUNNING = "BackupAlreadyRunning";
    /** The Job named by a due window exists already: the window ran before (a window runs at most once). */
    public static final String WINDOW_ALREADY_RAN = "WindowAlreadyRan";

    /** Consecutive failures after which {@code BackupFailing} is set. */
    public static final int FAILING_THRESHOLD = 3;

    private BackupReasons() {
    }
}
