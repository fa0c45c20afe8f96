package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One remaining ordinal of the plan, marked when leadership must move away first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusPlanStep {
    @JsonPropertyDescription("The remaining ordinals, highest first.")
    public Integer ordinal;
    @JsonPropertyDescription("Whether that ordinal leads (or may lead) now and will be asked to step down first.")
    public Boolean stepDown;
}
