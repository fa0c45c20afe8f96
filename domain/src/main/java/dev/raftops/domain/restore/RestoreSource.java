package dev.raftops.domain.restore;

/**
 * {@code spec.source}: the snapshot to restore, an object {@code key} or the {@code latest} backup
 * of the cluster (exactly one). {@code bucket} and {@code prefix} default to the cluster's
 * {@code spec.backup.target}; null when not given.
 */
public record RestoreSource(String key, boolean latest, String bucket, String prefix) {

    public RestoreSource {
        key = blankToNull(key);
        bucket = blankToNull(bucket);
        prefix = blankToNull(prefix);
    }

    public static RestoreSource ofKey(String key) {
        return new RestoreSource(key, false, null, null);
    }

    public static RestoreSource newest() {
        return new RestoreSource(null, true, null, null);
    }

    /** Why the source names no snapshot, or null when it names exactly one. */
    String problem() {
        if (key == null && !latest) {
            return "spec.source names no snapshot: set spec.source.key or spec.source.latest: true";
        }
        if (key != null && latest) {
            return "spec.source names two snapshots: set spec.source.key or spec.source.latest: true, not both";
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
