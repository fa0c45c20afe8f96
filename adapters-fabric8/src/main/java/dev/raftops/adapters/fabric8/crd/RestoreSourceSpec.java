package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code RaftRestore.spec.source}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreSourceSpec {
    @Size(max = 1024)
    @JsonPropertyDescription("The object key of the snapshot in the bucket (as status.backup.lastObject.key names "
            + "it). Exactly one of key and latest.")
    public String key;
    @JsonPropertyDescription("Restore the cluster's last recorded backup (status.backup.lastObject), checked "
            + "against the SHA-256 recorded with it.")
    public Boolean latest;
    @Size(max = 253)
    @JsonPropertyDescription("The bucket; default the cluster's spec.backup.target.bucket.")
    public String bucket;
    @Size(max = 512)
    @JsonPropertyDescription("The key prefix of the cluster's snapshots; default the cluster's "
            + "spec.backup.target.prefix.")
    public String prefix;
}
