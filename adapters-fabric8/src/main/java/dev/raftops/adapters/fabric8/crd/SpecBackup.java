package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** {@code spec.backup}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecBackup {
    @Size(max = 64)
    @JsonPropertyDescription("5-field cron or @hourly, @daily, @weekly, @monthly.")
    public String schedule;
    @Size(max = 64)
    @JsonPropertyDescription("IANA zone of the schedule.")
    public String timeZone;
    @JsonPropertyDescription("How many backups the backup Job keeps.")
    public SpecRetention retention;
    /** Opaque to the controller: handed to the backup Job as is. */
    @JsonPropertyDescription("Opaque to the controller: each entry is handed to the Job as RAFTOPS_TARGET_<KEY>.")
    public Map<String, String> target;
    @JsonPropertyDescription("How backup Jobs run.")
    public SpecBackupExecutor executor;
    @JsonPropertyDescription("One-shot tokens for backups.")
    public SpecBackupRequests requests;
}
