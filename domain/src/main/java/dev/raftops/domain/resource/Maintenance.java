package dev.raftops.domain.resource;

/**
 * {@code spec.maintenance}: while enabled, the StatefulSet and its pods carry
 * {@code raftops.dev/maintenance: "true"} so admission policies can allow manual disruption.
 *
 * @param restartAt optional timestamp copied to a pod-template annotation; a change rolls the pods
 */
public record Maintenance(boolean enabled, String restartAt) {

    public static Maintenance off() {
        return new Maintenance(false, null);
    }

    public static Maintenance on() {
        return new Maintenance(true, null);
    }
}
