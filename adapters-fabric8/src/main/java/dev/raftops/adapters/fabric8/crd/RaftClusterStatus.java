package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * {@code status} of a {@code RaftCluster}, written only by raftops through the status subresource.
 * Timestamps are RFC 3339 strings; absent parts are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RaftClusterStatus {

    @JsonPropertyDescription("The version every voter runs.")
    public String currentVersion;
    @JsonPropertyDescription("One of Initializing, Running, Upgrading, BackingUp, Paused, Degraded, BreakGlass, "
            + "derived from the rest of the status in one place (PhaseRule).")
    public String phase;
    @JsonPropertyDescription("The metadata.generation the last pass decided on.")
    public Long observedGeneration;
    @JsonPropertyDescription("Kubernetes-style conditions, sorted by type.")
    public List<StatusCondition> conditions;
    @JsonPropertyDescription("Rolling progress; present exactly while a rolling upgrade exists, running or failed.")
    public Upgrade upgrade;
    @JsonPropertyDescription("The blue/green attempt; present once the blue/green strategy has been used.")
    public BlueGreen blueGreen;
    @JsonPropertyDescription("The one operation lock of the cluster; upgrade, blue/green, backup and restore "
            + "exclude each other.")
    public OperationLock operationLock;
    @JsonPropertyDescription("Break-glass: automation stopped until a person acknowledges.")
    public BreakGlass breakGlass;
    @JsonPropertyDescription("Backup schedule and runs.")
    public Backup backup;
    @JsonPropertyDescription("The last one-shot token of each kind that was handled.")
    public Requests requests;
    @JsonPropertyDescription("The admin-operations controller's own state.")
    public AdminOps adminOps;
    @JsonPropertyDescription("The strategy in force (RollingUpdate or BlueGreen).")
    public String acceptedUpgradeStrategy;

    /** A Kubernetes-style condition. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class StatusCondition {
        @JsonPropertyDescription("Condition type.")
        public String type;
        @JsonPropertyDescription("True, False or Unknown.")
        public String status;
        @JsonPropertyDescription("A stable CamelCase reason.")
        public String reason;
        @JsonPropertyDescription("For a person; names pods, Jobs, versions and the next thing to do.")
        public String message;
        @JsonPropertyDescription("The generation it was decided on.")
        public Long observedGeneration;
        @JsonPropertyDescription("When status last changed.")
        public String lastTransitionTime;
    }

    /** {@code reason, message, at} of a recorded failure. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class FailureRecord {
        @JsonPropertyDescription("Stable CamelCase reason of the failure.")
        public String reason;
        @JsonPropertyDescription("What failed, for a person.")
        public String message;
        @JsonPropertyDescription("When it failed.")
        public String at;
    }

    /** {@code status.upgrade}: rolling progress. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Upgrade {
        @JsonPropertyDescription("status.currentVersion when the upgrade started (kept across retargets).")
        public String fromVersion;
        @JsonPropertyDescription("The version being rolled out (canonical SemVer).")
        public String targetVersion;
        @JsonPropertyDescription("The template image of the target.")
        public String targetImage;
        @JsonPropertyDescription("When the upgrade (or the last retry or retarget) started.")
        public String startedAt;
        @JsonPropertyDescription("Every ordinal at or above it is done; the next target ordinal is currentPartition "
                + "- 1.")
        public Integer currentPartition;
        @JsonPropertyDescription("Ordinals recorded as updated, Ready and caught up, in the order they finished.")
        public List<Integer> completedOrdinals;
        @JsonPropertyDescription("When the current target ordinal was released (its podReady budget starts here).")
        public String releasedAt;
        @JsonPropertyDescription("The step-down in flight for the current target.")
        public StepDown stepDown;
        @JsonPropertyDescription("The remaining ordinals in order.")
        public List<PlanStep> plan;
        @JsonPropertyDescription("The first failure; absent while running.")
        public FailureRecord failure;
        @JsonPropertyDescription("1 for a new upgrade, +1 for every retry or retarget; part of every Job name.")
        public Integer attempt;
        @JsonPropertyDescription("The pre-upgrade snapshot Job.")
        public Snapshot snapshot;
    }

    /** {@code status.upgrade.stepDown}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class StepDown {
        @JsonPropertyDescription("The ordinal asked to give up leadership.")
        public Integer ordinal;
        @JsonPropertyDescription("Step-downs for this ordinal in this attempt.")
        public Integer sequence;
        @JsonPropertyDescription("The step-down Job's name.")
        public String job;
        @JsonPropertyDescription("When the Job was requested (the stepDown budget starts here).")
        public String startedAt;
        @JsonPropertyDescription("When a fresh observation showed the pod a follower of a known leader.")
        public String confirmedAt;
    }

    /** One remaining ordinal of the plan, marked when leadership must move away first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class PlanStep {
        @JsonPropertyDescription("The remaining ordinals, highest first.")
        public Integer ordinal;
        @JsonPropertyDescription("Whether that ordinal leads (or may lead) now and will be asked to step down first.")
        public Boolean stepDown;
    }

    /** {@code status.upgrade.snapshot}: the pre-upgrade snapshot Job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Snapshot {
        @JsonPropertyDescription("The pre-upgrade snapshot Job.")
        public String job;
        @JsonPropertyDescription("Failed snapshot Jobs in this attempt (3 fail the upgrade).")
        public Integer failedAttempts;
        @JsonPropertyDescription("When the snapshot succeeded.")
        public String completedAt;
    }

    /** {@code status.blueGreen}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BlueGreen {
        @JsonPropertyDescription("Idle, DeployingGreen, JoiningMesh, Syncing, Promoting, DemotingBlue, Cleanup, "
                + "RollingBack, RollbackCleanup.")
        public String phase;
        @JsonPropertyDescription("Random per attempt (8 hex characters); part of every executor Job name.")
        public String attemptId;
        @JsonPropertyDescription("Revision of the serving StatefulSet <name>-<blueRevision>.")
        public String blueRevision;
        @JsonPropertyDescription("Revision of the StatefulSet being introduced.")
        public String greenRevision;
        @JsonPropertyDescription("Blue's image.")
        public String blueImage;
        @JsonPropertyDescription("Green's image (frozen at the start).")
        public String greenImage;
        @JsonPropertyDescription("The attempt's target version (frozen).")
        public String greenVersion;
        @JsonPropertyDescription("Green's replicas (frozen).")
        public Integer greenReplicas;
        @JsonPropertyDescription("True when the attempt started with autoPromote: false.")
        public Boolean manualPromotionRequired;
        @JsonPropertyDescription("Start of the current phase (base of minSyncDuration and of Green's readiness "
                + "budget).")
        public String phaseStartedAt;
        @JsonPropertyDescription("Failed executor Jobs in this phase; also the run number in Job names.")
        public Integer jobFailureCount;
        @JsonPropertyDescription("The last failed executor Job of this phase.")
        public FailureRecord lastJobFailure;
        @JsonPropertyDescription("The attempt's pre-upgrade snapshot Job, when asked for.")
        public String snapshotJob;
        @JsonPropertyDescription("Why the last attempt unwound (kept after Idle for people).")
        public String rollbackReason;
        @JsonPropertyDescription("When the rollback started.")
        public String rollbackStartedAt;
        @JsonPropertyDescription("Bumped by an acknowledged break-glass, so rollback Jobs get new names.")
        public Integer rollbackAttempt;
        @JsonPropertyDescription("Revision of a target that failed: no new attempt at it until a retry token or "
                + "another target.")
        public String failedTarget;
        @JsonPropertyDescription("Executor actions that succeeded in this phase (wire names such as join-green).")
        public List<String> completedSteps;
        @JsonPropertyDescription("Set while the attempt waits for a person (ValidationFailed, ExecutorJobFailed, "
                + "CleanupStalled).")
        public String holdReason;
    }

    /** {@code status.operationLock}; a free lock keeps its epoch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class OperationLock {
        @JsonPropertyDescription("Upgrade, BlueGreen, Backup or Restore.")
        public String operation;
        @JsonPropertyDescription("Logical holder of the lock.")
        public String holder;
        @JsonPropertyDescription("What the holder is doing.")
        public String message;
        @JsonPropertyDescription("When it was taken.")
        public String acquiredAt;
        @JsonPropertyDescription("Last renewal by the same holder.")
        public String renewedAt;
        @JsonPropertyDescription("Increases on every acquisition and is kept when released (fencing).")
        public Long epoch;
    }

    /** {@code status.breakGlass}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BreakGlass {
        @JsonPropertyDescription("Automation that could lose quorum or data has stopped.")
        public Boolean active;
        @JsonPropertyDescription("RollbackFailed or SplitBrain.")
        public String reason;
        @JsonPropertyDescription("What happened.")
        public String message;
        @JsonPropertyDescription("128 random bits, hex.")
        public String nonce;
        @JsonPropertyDescription("When break-glass was entered.")
        public String enteredAt;
        @JsonPropertyDescription("Numbered steps with the exact commands, ending with the acknowledgement patch.")
        public List<String> steps;
        @JsonPropertyDescription("When the nonce was accepted.")
        public String acknowledgedAt;
    }

    /** {@code status.backup}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Backup {
        @JsonPropertyDescription("The next window.")
        public String nextScheduledBackup;
        @JsonPropertyDescription("The last cron window consumed, run or skipped (manual runs do not count).")
        public String lastScheduledTime;
        @JsonPropertyDescription("When the last backup Job was started.")
        public String lastAttemptTime;
        @JsonPropertyDescription("When the last backup succeeded.")
        public String lastBackupTime;
        @JsonPropertyDescription("The last backup Job's name.")
        public String lastBackupJob;
        @JsonPropertyDescription("Failed runs in a row; reset by a success.")
        public Integer consecutiveFailures;
        @JsonPropertyDescription("The last failed backup run.")
        public FailureRecord lastFailure;
        @JsonPropertyDescription("Successful runs so far.")
        public Long successfulBackups;
        @JsonPropertyDescription("The backup run holding the lock, recorded before its Job is created.")
        public ActiveRun activeRun;
        @JsonPropertyDescription("The schedule and zone nextScheduledBackup was computed from.")
        public String scheduleFingerprint;
    }

    /** {@code status.backup.activeRun}: the backup run holding the lock, recorded before its Job is created. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ActiveRun {
        @JsonPropertyDescription("The run in flight: its Job name.")
        public String job;
        @JsonPropertyDescription("The window the run is named by (for a manual run, the second it was requested).")
        public String window;
        @JsonPropertyDescription("Whether a spec.backup.requests.trigger token asked for it.")
        public Boolean manual;
        @JsonPropertyDescription("When the run was recorded (one pass before its Job is created, so the name "
                + "survives a restart).")
        public String recordedAt;
        @JsonPropertyDescription("When its Job was created.")
        public String createdAt;
    }

    /** {@code status.requests}: the last handled one-shot tokens. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Requests {
        @JsonPropertyDescription("Last spec.upgrade.requests.retry.")
        public String lastHandledRetry;
        @JsonPropertyDescription("Last spec.upgrade.requests.promote.")
        public String lastHandledPromote;
        @JsonPropertyDescription("Last spec.upgrade.requests.rollback.")
        public String lastHandledRollback;
        @JsonPropertyDescription("Last spec.backup.requests.trigger.")
        public String lastHandledBackupTrigger;
    }

    /** {@code status.adminOps}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class AdminOps {
        @JsonPropertyDescription("The last pass that failed with an exception from a port.")
        public FailureRecord lastError;
    }
}
