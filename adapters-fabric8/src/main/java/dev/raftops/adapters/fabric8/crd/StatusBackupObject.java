package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.backup.lastObject}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusBackupObject {
    @JsonPropertyDescription("The object key the backup Job wrote.")
    public String key;
    @JsonPropertyDescription("Its size in bytes.")
    public Long size;
    @JsonPropertyDescription("Its SHA-256, hex.")
    public String sha256;
}
