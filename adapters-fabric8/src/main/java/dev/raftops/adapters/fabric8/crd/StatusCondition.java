package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A Kubernetes-style condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusCondition {
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
