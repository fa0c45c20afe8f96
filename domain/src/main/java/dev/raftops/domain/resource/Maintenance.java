package dev.raftops.domain.resource;

/**
 * {@code spec.maintenance}: while enabled, the StatefulSet and its pods carry
 * {@code raftops.dev/maintenance: "true"} so admission policies can allow manual disruption. (A
 * requested rolling restart is not part of it yet: that field comes with the restart decision.)
 */
public record Maintenance(boolean enabled) {

    public static Maintenance off() {
        return new Maintenance(false);
    }

    public static Maintenance on() {
        return new Maintenance(true);
    }
}
