package dev.raftops.domain.resource;

/**
 * {@code spec.upgrade.raftState}: where the two facts every step decides from (does a pod lead, is
 * it caught up) come from.
 */
public enum RaftStateSource {
    /** The workload's unauthenticated API ({@code sys/health}, {@code sys/leader}), probed by the controller (default). */
    API,
    /**
     * The leader label and the lag annotation, for a workload without that API: an absent lag leaves
     * Ready alone to count as caught up.
     */
    LABELS;

    /** The source the CRD's {@code value} names (absent or blank: {@link #API}), or empty for any other value. */
    public static java.util.Optional<RaftStateSource> ofWire(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.of(API);
        }
        for (RaftStateSource s : values()) {
            if (s.wire().equals(value.trim())) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** The field's value as the CRD spells it. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
