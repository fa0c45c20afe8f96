package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.workload.statefulSetRef}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecStatefulSetRef {
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Name of the adopted StatefulSet in the RaftCluster's namespace.")
    public String name;
}
