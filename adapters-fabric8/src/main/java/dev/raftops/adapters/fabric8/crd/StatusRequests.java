package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.requests}: the last handled one-shot tokens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusRequests {
    @JsonPropertyDescription("Last spec.upgrade.requests.retry.")
    public String lastHandledRetry;
    @JsonPropertyDescription("Last spec.upgrade.requests.promote.")
    public String lastHandledPromote;
    @JsonPropertyDescription("Last spec.upgrade.requests.rollback.")
    public String lastHandledRollback;
    @JsonPropertyDescription("Last spec.backup.requests.trigger.")
    public String lastHandledBackupTrigger;
    @JsonPropertyDescription("Last spec.operationLock.forceRelease handled, as <holder>@<epoch>.")
    public String lastHandledForceRelease;
    @JsonPropertyDescription("Last spec.maintenance.restartAt handled.")
    public String lastHandledRestart;
}
