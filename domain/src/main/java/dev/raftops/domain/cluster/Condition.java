package dev.raftops.domain.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes-style status condition. {@code lastTransitionTime} changes only when
 * {@code status} changes, as the API conventions require.
 */
public record Condition(String type, Status status, String reason, String message, long observedGeneration,
        Instant lastTransitionTime) {

    /** Condition types raftops writes. */
    public static final String AVAILABLE = "Available";
    public static final String PROGRESSING = "Progressing";
    public static final String UPGRADING = "Upgrading";
    public static final String BACKING_UP = "BackingUp";
    public static final String DEGRADED = "Degraded";
    public static final String PAUSED = "Paused";
    public static final String BREAK_GLASS = "BreakGlass";
    public static final String BACKUP_FAILING = "BackupFailing";
    public static final String BACKUP_CONFIGURATION_INVALID = "BackupConfigurationInvalid";

    public enum Status { True, False, Unknown }

    public Condition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }

    /**
     * {@code conditions} with {@code next} set: a condition of the same type is replaced, keeping its
     * transition time when the status did not change. The result is sorted by type.
     */
    public static List<Condition> set(List<Condition> conditions, String type, Status status, String reason,
            String message, long generation, Instant now) {
        List<Condition> out = new ArrayList<>();
        Instant transition = now;
        for (Condition c : conditions) {
            if (c.type.equals(type)) {
                if (c.status == status) {
                    transition = c.lastTransitionTime;
                }
            } else {
                out.add(c);
            }
        }
        out.add(new Condition(type, status, reason, message, generation, transition));
        out.sort(Comparator.comparing(Condition::type));
        return List.copyOf(out);
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.type.equals(type)).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> c.status == Status.True).orElse(false);
    }
}
