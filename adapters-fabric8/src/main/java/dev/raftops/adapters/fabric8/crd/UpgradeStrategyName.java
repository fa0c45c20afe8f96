package dev.raftops.adapters.fabric8.crd;

/**
 * The values {@code spec.upgrade.strategy} accepts. Used only as the schema source of the enum: the
 * field itself stays a string so that an unknown value reaches the mapping (and becomes a
 * validation condition) instead of failing deserialization of the whole resource.
 */
public enum UpgradeStrategyName {
    RollingUpdate,
    BlueGreen
}
