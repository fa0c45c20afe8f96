package dev.raftops.domain.opslifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit fields carried by every lifecycle Event and log line, so one cluster's story can be
 * grepped out of a busy log. Absent values are null.
 */
public record AuditFields(String cluster, Operation operation, String holder, Long epoch, String phaseFrom,
        String phaseTo, String reason) {

    public static AuditFields of(String cluster, String reason) {
        return new AuditFields(cluster, null, null, null, null, null, reason);
    }

    public static AuditFields of(String cluster, OperationLock lock, String reason) {
        return new AuditFields(cluster, lock.operation(), lock.holder(), lock.isHeld() ? lock.epoch() : null, null,
                null, reason);
    }

    public AuditFields withPhases(String from, String to) {
        return new AuditFields(cluster, operation, holder, epoch, from, to, reason);
    }

    public AuditFields withReason(String value) {
        return new AuditFields(cluster, operation, holder, epoch, phaseFrom, phaseTo, value);
    }

    /** The fields under their wire names ({@code phase_from}, ...), in a fixed order, nulls left out. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "cluster", cluster);
        put(m, "operation", operation == null ? null : operation.name());
        put(m, "holder", holder);
        put(m, "epoch", epoch == null ? null : epoch.toString());
        put(m, "phase_from", phaseFrom);
        put(m, "phase_to", phaseTo);
        put(m, "reason", reason);
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
