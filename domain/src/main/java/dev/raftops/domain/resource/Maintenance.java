package dev.raftops.domain.resource;

/**
 * {@code spec.maintenance}: while enabled, the StatefulSet and its pods carry
 * {@code raftops.dev/maintenance: "true"} so admission policies can allow manual disruption.
 *
 * @param restartAt {@code spec.maintenance.restartAt}: a new value asks for a rolling restart of every pod,
 *     once (a one-shot request, handled as {@code status.requests.lastHandledRestart}); null = none
 */
public record Maintenance(boolean enabled, String restartAt) {

    /** The pod template annotation a restart sets to its request, so the template revision changes. */
    public static final String RESTARTED_AT_ANNOTATION = "raftops.dev/restartedAt";

    public Maintenance(boolean enabled) {
        this(enabled, null);
    }

    public static Maintenance off() {
        return new Maintenance(false);
    }

    public static Maintenance on() {
        return new Maintenance(true);
    }

    public Maintenance withRestartAt(String value) {
        return new Maintenance(enabled, value);
    }
}
