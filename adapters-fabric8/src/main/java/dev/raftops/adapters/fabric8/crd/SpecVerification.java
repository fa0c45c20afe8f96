package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** {@code spec.upgrade.blueGreen.verification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecVerification {
    @Pattern(RaftClusterSpec.DURATION_PATTERN)
    @Size(max = 32)
    @JsonPropertyDescription("Minimum time in Syncing before promotion.")
    public String minSyncDuration;
    @Min(0)
    @JsonPropertyDescription("Raft entries a Green pod may lag and count as synced.")
    public Long maxLagEntries;
    @JsonPropertyDescription("An optional validation Job run before promotion.")
    public SpecPrePromotionHook prePromotionHook;
}
