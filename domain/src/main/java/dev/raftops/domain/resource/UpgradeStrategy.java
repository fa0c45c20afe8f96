package dev.raftops.domain.resource;

/** How an upgrade replaces pods ({@code spec.upgrade.strategy}). */
public enum UpgradeStrategy {
    /** StatefulSet partition, one pod at a time, highest ordinal first. */
    ROLLING_UPDATE("RollingUpdate"),
    /** A second StatefulSet joins the Raft cluster, is promoted, and the first is retired. */
    BLUE_GREEN("BlueGreen");

    private final String wireName;

    UpgradeStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** The value as written in the custom resource. */
    public String wireName() {
        return wireName;
    }

    /** Parses the custom resource value; null or empty is the default, RollingUpdate. */
    public static UpgradeStrategy fromWire(String value) {
        if (value == null || value.isEmpty()) {
            return ROLLING_UPDATE;
        }
        for (UpgradeStrategy s : values()) {
            if (s.wireName.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown upgrade strategy \"" + value + "\" (expected RollingUpdate or BlueGreen)");
    }
}
