package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.upgrade.snapshot}: the pre-upgrade snapshot Job. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusSnapshot {
    @JsonPropertyDescription("The pre-upgrade snapshot Job.")
    public String job;
    @JsonPropertyDescription("Failed snapshot Jobs in this attempt (3 fail the upgrade).")
    public Integer failedAttempts;
    @JsonPropertyDescription("When the snapshot succeeded.")
    public String completedAt;
}
