package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code spec.operationLock}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecOperationLock {
    @JsonPropertyDescription("One-shot request to break the operation lock, naming the holder and epoch it breaks.")
    public SpecForceRelease forceRelease;
}
