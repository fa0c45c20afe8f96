package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code spec.upgrade.blueGreen.autoRollback}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecAutoRollback {
    @JsonPropertyDescription("Master switch for onJobFailure and onValidationFailure.")
    public Boolean enabled;
    @JsonPropertyDescription("Count failed executor Jobs towards maxJobFailures instead of holding.")
    public Boolean onJobFailure;
    @JsonPropertyDescription("Unwind at once when the pre-promotion hook fails.")
    public Boolean onValidationFailure;
}
