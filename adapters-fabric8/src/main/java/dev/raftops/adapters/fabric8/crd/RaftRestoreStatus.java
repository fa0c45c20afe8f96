package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** {@code RaftRestore.status}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RaftRestoreStatus {
    @JsonPropertyDescription("Pending, Locked, Restoring, RestartingMembers, Completed or Failed.")
    public String phase;
    @JsonPropertyDescription("The metadata.generation the last pass decided on.")
    public Long observedGeneration;
    @JsonPropertyDescription("Locked (holds the cluster's operation lock, or what it waits for) and Complete.")
    public List<StatusCondition> conditions;
    @JsonPropertyDescription("The operation lock's holder: restore/<name>.")
    public String holder;
    @JsonPropertyDescription("The lock's epoch the restore took; every later step checks it still holds it there.")
    public Long lockEpoch;
    @JsonPropertyDescription("The object restored.")
    public String objectKey;
    @JsonPropertyDescription("The SHA-256 the snapshot had to have (the recorded backup's), when one was recorded.")
    public String sha256;
    @JsonPropertyDescription("The executor's restore Job.")
    public String job;
    @JsonPropertyDescription("When the restore took the lock.")
    public String startedAt;
    @JsonPropertyDescription("When it ended (Completed or Failed).")
    public String completedAt;
    @JsonPropertyDescription("Why it failed.")
    public StatusFailureRecord failure;
    @JsonPropertyDescription("The applied index a leader reported after the restore.")
    public Long indexReached;
}
