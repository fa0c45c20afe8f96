package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** {@code status.blueGreen}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusBlueGreen {
    @JsonPropertyDescription("Idle, DeployingGreen, JoiningMesh, Syncing, Promoting, DemotingBlue, Cleanup, "
            + "RollingBack, RollbackCleanup.")
    public String phase;
    @JsonPropertyDescription("Random per attempt (8 hex characters); part of every executor Job name.")
    public String attemptId;
    @JsonPropertyDescription("Revision of the serving StatefulSet <name>-<blueRevision> (or blueStatefulSet).")
    public String blueRevision;

    @JsonPropertyDescription("Blue's StatefulSet when it is not <name>-<blueRevision>: the rolling StatefulSet adopted"
            + " as Blue by a switch to BlueGreen, its pods labelled raftops.dev/revision=<blueRevision> (no restart).")
    public String blueStatefulSet;
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
    public StatusFailureRecord lastJobFailure;
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
