package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** {@code spec.upgrade.policy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecPolicy {
    @JsonPropertyDescription("A major jump is blocked with MajorUpgradeBlocked unless true.")
    public Boolean allowMajor;
    @JsonPropertyDescription("When false a pre-release target is blocked with PrereleaseBlocked.")
    public Boolean allowPrerelease;
    @Min(0)
    @JsonPropertyDescription("Minor versions an upgrade may skip without a warning.")
    public Integer maxMinorSkip;
}
