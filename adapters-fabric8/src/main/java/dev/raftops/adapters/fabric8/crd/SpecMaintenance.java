package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.maintenance}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecMaintenance {
    @JsonPropertyDescription("Annotates the StatefulSet and its pods with raftops.dev/maintenance: \"true\" "
            + "(removed when false).")
    public Boolean enabled;
    @Size(max = 64)
    @JsonPropertyDescription("A new value rolls every pod once, with the gates of an upgrade and no version change.")
    public String restartAt;
}
