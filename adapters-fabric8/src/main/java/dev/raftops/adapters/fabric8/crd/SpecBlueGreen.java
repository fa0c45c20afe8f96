package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** {@code spec.upgrade.blueGreen}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecBlueGreen {
    @JsonPropertyDescription("Promote Green as soon as it is in sync.")
    public Boolean autoPromote;
    @Min(1)
    @JsonPropertyDescription("Failed executor Jobs per phase before the attempt unwinds.")
    public Integer maxJobFailures;
    @JsonPropertyDescription("What Green must show before promotion.")
    public SpecVerification verification;
    @JsonPropertyDescription("When a failure unwinds the attempt by itself.")
    public SpecAutoRollback autoRollback;
}
