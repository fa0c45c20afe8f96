package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code spec.maintenance}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecMaintenance {
    @JsonPropertyDescription("Annotates the StatefulSet and its pods with raftops.dev/maintenance: \"true\" "
            + "(removed when false).")
    public Boolean enabled;
}
