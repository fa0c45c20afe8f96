package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/** {@code spec.operationLock.forceRelease}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecForceRelease {
    @Size(max = 253)
    @JsonPropertyDescription("The holder to displace, as status.operationLock.holder shows it.")
    public String holder;
    @Min(0)
    @JsonPropertyDescription("The epoch to break, as status.operationLock.epoch shows it.")
    public Long epoch;
    @Size(max = 253)
    @JsonPropertyDescription("Who asks, for the Event.")
    public String requestedBy;
}
