package dev.raftops.adapters.fabric8.crd;

/**
 * The values {@code spec.upgrade.raftState} accepts (the schema source of the enum; the field stays
 * a string so an unknown value becomes a validation condition).
 */
public enum RaftStateName {
    api,
    labels
}
