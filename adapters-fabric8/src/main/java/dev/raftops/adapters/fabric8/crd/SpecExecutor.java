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
    @JsonPropertyDescription("Service account of executor Jobs (default: raftops-executor, created in the "
            + "cluster's namespace).")
    public String serviceAccount;
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Audience of the executor's projected service-account token (default openbao).")
    public String tokenAudience;
    @JsonPropertyDescription("Resource requests and limits of executor Jobs.")
    public SpecResources resources;
}
