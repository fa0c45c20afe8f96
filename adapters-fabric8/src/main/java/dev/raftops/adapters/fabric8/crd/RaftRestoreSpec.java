package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** {@code RaftRestore.spec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RaftRestoreSpec {
    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("The RaftCluster in this namespace whose Raft state is replaced by the snapshot.")
    public String clusterRef;
    @Required
    @JsonPropertyDescription("The snapshot: an object key, or latest: true for the cluster's last recorded backup.")
    public RestoreSourceSpec source;
    @Default("false")
    @JsonPropertyDescription("Restore through snapshot-force: skips OpenBao's check that the snapshot's seal "
            + "matches the cluster's.")
    public Boolean force;
    @Default("true")
    @JsonPropertyDescription("Restart every member once after the restore, one at a time, the leader last after "
            + "its step-down, so that none keeps serving the state from before the snapshot.")
    public Boolean restartVoters;
}
