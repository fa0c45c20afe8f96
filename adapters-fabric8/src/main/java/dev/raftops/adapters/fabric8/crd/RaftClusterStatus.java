package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code status} of a {@code RaftCluster}, written only by raftops through the status subresource.
 * Timestamps are RFC 3339 strings; absent parts are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RaftClusterStatus {

    public String currentVersion;
    public String phase;
    public Long observedGeneration;
    public List<StatusCondition> conditions;
    public Upgrade upgrade;
    public BlueGreen blueGreen;
    public OperationLock operationLock;
    public BreakGlass breakGlass;
    public Backup backup;
    public Requests requests;
    public AdminOps adminOps;
    public String acceptedUpgradeStrategy;

    /** A Kubernetes-style condition. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class StatusCondition {
        public String type;
        public String status;
        public String reason;
        public String message;
        public Long observedGeneration;
        public String lastTransitionTime;
    }

    /** {@code reason, message, at} of a recorded failure. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class FailureRecord {
        public String reason;
        public String message;
        public String at;
    }

    /** {@code status.upgrade}: rolling progress. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Upgrade {
        public String fromVersion;
        public String targetVersion;
        public String targetImage;
        public String startedAt;
        public Integer currentPartition;
        public List<Integer> completedOrdinals;
        public String releasedAt;
        public StepDown stepDown;
        public List<PlanStep> plan;
        public FailureRecord failure;
        public Integer attempt;
        public Snapshot snapshot;
    }

    /** {@code status.upgrade.stepDown}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class StepDown {
        public Integer ordinal;
        public Integer sequence;
        public String job;
        public String startedAt;
        public String confirmedAt;
    }

    /** One remaining ordinal of the plan, marked when leadership must move away first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class PlanStep {
        public Integer ordinal;
        public Boolean stepDown;
    }

    /** {@code status.upgrade.snapshot}: the pre-upgrade snapshot Job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Snapshot {
        public String job;
        public Integer failedAttempts;
        public String completedAt;
    }

    /** {@code status.blueGreen}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BlueGreen {
        public String phase;
        public String attemptId;
        public String blueRevision;
        public String greenRevision;
        public String blueImage;
        public String greenImage;
        public String greenVersion;
        public Integer greenReplicas;
        public Boolean manualPromotionRequired;
        public String phaseStartedAt;
        public Integer jobFailureCount;
        public FailureRecord lastJobFailure;
        public String snapshotJob;
        public String rollbackReason;
        public String rollbackStartedAt;
        public Integer rollbackAttempt;
        public String failedTarget;
        public List<String> completedSteps;
        public String holdReason;
    }

    /** {@code status.operationLock}; a free lock keeps its epoch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class OperationLock {
        public String operation;
        public String holder;
        public String message;
        public String acquiredAt;
        public String renewedAt;
        public Long epoch;
    }

    /** {@code status.breakGlass}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BreakGlass {
        public Boolean active;
        public String reason;
        public String message;
        public String nonce;
        public String enteredAt;
        public List<String> steps;
        public String acknowledgedAt;
    }

    /** {@code status.backup}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Backup {
        public String nextScheduledBackup;
        public String lastScheduledTime;
        public String lastAttemptTime;
        public String lastBackupTime;
        public String lastBackupJob;
        public Integer consecutiveFailures;
        public FailureRecord lastFailure;
        public Long successfulBackups;
        public ActiveRun activeRun;
        public String scheduleFingerprint;
    }

    /** {@code status.backup.activeRun}: the backup run holding the lock, recorded before its Job is created. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ActiveRun {
        public String job;
        public String window;
        public Boolean manual;
        public String recordedAt;
        public String createdAt;
    }

    /** {@code status.requests}: the last handled one-shot tokens. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Requests {
        public String lastHandledRetry;
        public String lastHandledPromote;
        public String lastHandledRollback;
        public String lastHandledBackupTrigger;
    }

    /** {@code status.adminOps}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class AdminOps {
        public FailureRecord lastError;
    }
}
