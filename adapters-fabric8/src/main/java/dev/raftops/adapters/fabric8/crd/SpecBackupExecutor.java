package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.backup.executor}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecBackupExecutor {
    @Size(max = 512)
    @JsonPropertyDescription("Image of backup and pre-upgrade snapshot Jobs.")
    public String image;
}
