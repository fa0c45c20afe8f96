package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;

/** {@code spec.upgrade}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecUpgrade {
    @SchemaFrom(type = UpgradeStrategyName.class)
    @JsonPropertyDescription("Upgrade strategy: RollingUpdate or BlueGreen.")
    public String strategy;
    @JsonPropertyDescription("Take a snapshot Job before the first pod is touched.")
    public Boolean preUpgradeSnapshot;
    @JsonPropertyDescription("Which version changes may start an upgrade.")
    public SpecPolicy policy;
    @JsonPropertyDescription("Time budgets of the upgrade steps.")
    public SpecTimeouts timeouts;
    @JsonPropertyDescription("How executor Jobs run.")
    public SpecExecutor executor;
    @JsonPropertyDescription("One-shot tokens: a new value is one request.")
    public SpecRequests requests;
    @JsonPropertyDescription("Blue/green settings.")
    public SpecBlueGreen blueGreen;
    @JsonPropertyDescription("Rolling upgrade settings.")
    public SpecRolling rolling;
    @SchemaFrom(type = RaftStateName.class)
    @JsonPropertyDescription("Where the two facts every step decides from come from (does a pod lead, is it caught up).")
    public String raftState;
}
