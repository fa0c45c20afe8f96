package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.upgrade.stepDown}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusStepDown {
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
