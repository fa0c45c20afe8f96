package dev.raftops.executor.storage;

/**
 * Deterministic object keys: {@code <prefix>/<namespace>/<cluster>/<kind>/<window-or-attempt>.snap},
 * so a second run of the same window or upgrade attempt finds the object the first one wrote.
 * Characters outside {@code [A-Za-z0-9._-]} in a segment become {@code -} (a window
 * {@code 2026-12-03T12:00:00Z} is {@code 2026-12-03T12-00-00Z}).
 */
public final class ObjectKey {

    public static final String SUFFIX = ".snap";

    private ObjectKey() {
    }

    /** The folder of one cluster's snapshots of one kind, ending in {@code /}. */
    public static String folder(String prefix, String namespace, String cluster, String kind) {
        return clusterFolder(prefix, namespace, cluster) + segment(kind) + "/";
    }

    /** The folder of all of one cluster's snapshots, ending in {@code /}. */
    public static String clusterFolder(String prefix, String namespace, String cluster) {
        return (prefix.isEmpty() ? "" : prefix + "/") + segment(namespace) + "/" + segment(cluster) + "/";
    }

    public static String of(String prefix, String namespace, String cluster, String kind, String id) {
        return folder(prefix, namespace, cluster, kind) + segment(id) + SUFFIX;
    }

    static String segment(String raw) {
        return raw.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
