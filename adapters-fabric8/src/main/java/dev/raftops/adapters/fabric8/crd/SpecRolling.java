package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** {@code spec.upgrade.rolling}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecRolling {
    @Min(0)
    @JsonPropertyDescription("Raft entries a pod may lag behind the leader and count as caught up in a rolling upgrade.")
    public Long maxLagEntries;
}
