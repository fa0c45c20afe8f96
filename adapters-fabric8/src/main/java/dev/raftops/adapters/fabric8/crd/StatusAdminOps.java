package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.adminOps}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusAdminOps {
    @JsonPropertyDescription("The last pass that failed with an exception from a port.")
    public StatusFailureRecord lastError;
}
