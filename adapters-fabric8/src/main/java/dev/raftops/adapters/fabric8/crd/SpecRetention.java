package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** {@code spec.backup.retention}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecRetention {
    @Min(1)
    @JsonPropertyDescription("Backups to keep at most.")
    public Integer maxCount;
    @Pattern(RaftClusterSpec.DURATION_PATTERN)
    @Size(max = 32)
    @JsonPropertyDescription("Age after which the backup Job deletes a backup.")
    public String maxAge;
}
