package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code reason, message, at} of a recorded failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusFailureRecord {
    @JsonPropertyDescription("Stable CamelCase reason of the failure.")
    public String reason;
    @JsonPropertyDescription("What failed, for a person.")
    public String message;
    @JsonPropertyDescription("When it failed.")
    public String at;
}
