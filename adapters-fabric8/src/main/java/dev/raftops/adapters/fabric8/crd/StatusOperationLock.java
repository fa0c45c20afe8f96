package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.operationLock}; a free lock keeps its epoch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusOperationLock {
    @JsonPropertyDescription("Upgrade, BlueGreen, Backup or Restore.")
    public String operation;
    @JsonPropertyDescription("Logical holder of the lock.")
    public String holder;
    @JsonPropertyDescription("What the holder is doing.")
    public String message;
    @JsonPropertyDescription("When it was taken.")
    public String acquiredAt;
    @JsonPropertyDescription("Last renewal by the same holder.")
    public String renewedAt;
    @JsonPropertyDescription("Increases on every acquisition and is kept when released (fencing).")
    public Long epoch;
}
