package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.backup}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusBackup {
    @JsonPropertyDescription("The next window.")
    public String nextScheduledBackup;
    @JsonPropertyDescription("The last cron window consumed, run or skipped (manual runs do not count).")
    public String lastScheduledTime;
    @JsonPropertyDescription("When the last backup Job was started.")
    public String lastAttemptTime;
    @JsonPropertyDescription("When the last backup succeeded.")
    public String lastBackupTime;
    @JsonPropertyDescription("The last backup Job's name.")
    public String lastBackupJob;
    @JsonPropertyDescription("Failed runs in a row; reset by a success.")
    public Integer consecutiveFailures;
    @JsonPropertyDescription("The last failed backup run.")
    public StatusFailureRecord lastFailure;
    @JsonPropertyDescription("Successful runs so far.")
    public Long successfulBackups;
    @JsonPropertyDescription("The backup run holding the lock, recorded before its Job is created.")
    public StatusActiveRun activeRun;
    @JsonPropertyDescription("The schedule and zone nextScheduledBackup was computed from.")
    public String scheduleFingerprint;
    @JsonPropertyDescription("The last successful backup's snapshot object, as its executor reported it.")
    public StatusBackupObject lastObject;
}
