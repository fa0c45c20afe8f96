package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Resource requests and limits of executor Jobs ({@code cpu: 100m}, {@code memory: 64Mi}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecResources {
    @JsonPropertyDescription("Resource requests of executor Jobs.")
    public Map<String, String> requests;
    @JsonPropertyDescription("Resource limits of executor Jobs.")
    public Map<String, String> limits;
}
