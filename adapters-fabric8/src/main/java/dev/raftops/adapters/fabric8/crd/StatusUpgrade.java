package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** {@code status.upgrade}: rolling progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusUpgrade {
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
    public StatusStepDown stepDown;
    @JsonPropertyDescription("The remaining ordinals in order.")
    public List<StatusPlanStep> plan;
    @JsonPropertyDescription("The first failure; absent while running.")
    public StatusFailureRecord failure;
    @JsonPropertyDescription("1 for a new upgrade, +1 for every retry or retarget; part of every Job name.")
    public Integer attempt;
    @JsonPropertyDescription("The pre-upgrade snapshot Job.")
    public StatusSnapshot snapshot;
    @JsonPropertyDescription("The spec.maintenance.restartAt request this roll answers, if any.")
    public String restartAt;
    @JsonPropertyDescription("The image the pods ran when the roll started (status.currentImage, kept across retargets "
            + "and folded restarts).")
    public String fromImage;
}
