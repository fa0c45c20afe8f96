package dev.raftops.domain.decision;

import dev.raftops.domain.opslifecycle.AuditFields;
import java.util.Objects;

/** A Kubernetes Event about the cluster, with the audit fields of the operation it belongs to. */
public record ClusterEvent(Type type, String reason, String message, AuditFields audit) {

    public enum Type { Normal, Warning }

    public ClusterEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
        Objects.requireNonNull(audit, "audit");
    }

    public static ClusterEvent normal(String reason, String message, AuditFields audit) {
        return new ClusterEvent(Type.Normal, reason, message, audit.withReason(reason));
    }

    public static ClusterEvent warning(String reason, String message, AuditFields audit) {
        return new ClusterEvent(Type.Warning, reason, message, audit.withReason(reason));
    }
}
