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
    @JsonPropertyDescription("The image the pods run, as raftops found them at the first convergence or rolled them "
            + "last (rolling strategy).")
    public String currentImage;
    @JsonPropertyDescription("One of Initializing, Running, Upgrading, BackingUp, Paused, Degraded, BreakGlass, "
            + "derived from the rest of the status in one place (PhaseRule).")
    public String phase;
    @JsonPropertyDescription("The metadata.generation the last pass decided on.")
    public Long observedGeneration;
    @JsonPropertyDescription("Kubernetes-style conditions, sorted by type.")
    public List<StatusCondition> conditions;
    @JsonPropertyDescription("Rolling progress; present exactly while a rolling upgrade exists, running or failed.")
    public StatusUpgrade upgrade;
    @JsonPropertyDescription("The blue/green attempt; present once the blue/green strategy has been used.")
    public StatusBlueGreen blueGreen;
    @JsonPropertyDescription("The one operation lock of the cluster; upgrade, blue/green, backup and restore "
            + "exclude each other.")
    public StatusOperationLock operationLock;
    @JsonPropertyDescription("Break-glass: automation stopped until a person acknowledges.")
    public StatusBreakGlass breakGlass;
    @JsonPropertyDescription("Backup schedule and runs.")
    public StatusBackup backup;
    @JsonPropertyDescription("The last one-shot token of each kind that was handled.")
    public StatusRequests requests;
    @JsonPropertyDescription("The admin-operations controller's own state.")
    public StatusAdminOps adminOps;
    @JsonPropertyDescription("The strategy in force (RollingUpdate or BlueGreen).")
    public String acceptedUpgradeStrategy;
    @JsonPropertyDescription("For an adopted StatefulSet: which one, and the fields of it raftops owns.")
    public StatusWorkload workload;
    @JsonPropertyDescription("Each pod as last observed: ordinal, version, ready, leading, voter, lag, sealed, "
            + "initialized, lastProbeTime, probeError.")
    public List<StatusMember> members;
}
