package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** {@code spec.upgrade.timeouts}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecTimeouts {
    @Pattern(RaftClusterSpec.DURATION_PATTERN)
    @Size(max = 32)
    @JsonPropertyDescription("How long leadership may take to move away, from the step-down Job's creation.")
    public String stepDown;
    @Pattern(RaftClusterSpec.DURATION_PATTERN)
    @Size(max = 32)
    @JsonPropertyDescription("How long a released pod may take to run the update revision, Ready and caught up, "
            + "from its release.")
    public String podReady;
}
