package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.backup.activeRun}: the backup run holding the lock, recorded before its Job is created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusActiveRun {
    @JsonPropertyDescription("The run in flight: its Job name.")
    public String job;
    @JsonPropertyDescription("The window the run is named by (for a manual run, the second it was requested).")
    public String window;
    @JsonPropertyDescription("Whether a spec.backup.requests.trigger token asked for it.")
    public Boolean manual;
    @JsonPropertyDescription("When the run was recorded (one pass before its Job is created, so the name "
            + "survives a restart).")
    public String recordedAt;
    @JsonPropertyDescription("When its Job was created.")
    public String createdAt;
}
