package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.backup.requests}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecBackupRequests {
    @Size(max = 128)
    @JsonPropertyDescription("One-shot token for a manual backup.")
    public String trigger;
}
