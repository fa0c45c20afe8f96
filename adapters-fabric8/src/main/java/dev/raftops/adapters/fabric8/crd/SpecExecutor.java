package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.upgrade.executor}: how executor Jobs run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecExecutor {
    @Size(max = 512)
    @JsonPropertyDescription("Image of executor Jobs (step-down, snapshot, blue/green steps).")
    public String image;
    @Size(max = 253)
    @JsonPropertyDescription("Service account of executor Jobs.")
    public String serviceAccount;
    @JsonPropertyDescription("Resource requests and limits of executor Jobs.")
    public SpecResources resources;
}
