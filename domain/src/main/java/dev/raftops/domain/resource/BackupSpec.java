package dev.raftops.domain.resource;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code spec.backup}. The schedule and time zone stay raw strings: parsing them is part of the
 * backup decision, so a bad value becomes a {@code BackupConfigurationInvalid} condition.
 *
 * @param target opaque to the controller: handed to the backup Job as is
 * @param triggerRequest one-shot manual backup token ({@code requests.trigger})
 */
public record BackupSpec(
        String schedule,
        String timeZone,
        Retention retention,
        Map<String, String> target,
        String executorImage,
        String triggerRequest) {

    public BackupSpec {
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        retention = retention == null ? Retention.unlimited() : retention;
        target = target == null ? Map.of() : Map.copyOf(new TreeMap<>(target));
    }

    public BackupSpec withTriggerRequest(String token) {
        return new BackupSpec(schedule, timeZone, retention, target, executorImage, token);
    }

    public BackupSpec withSchedule(String value, String zone) {
        return new BackupSpec(value, zone, retention, target, executorImage, triggerRequest);
    }

    /**
     * The target as the executor reads it, for every Job that writes or reads a snapshot (backup,
     * pre-upgrade snapshot of either strategy): each entry becomes {@code RAFTOPS_TARGET_<KEY>}, the key
     * in upper snake case ({@code bucket} → {@code RAFTOPS_TARGET_BUCKET}, {@code pathStyle} →
     * {@code RAFTOPS_TARGET_PATH_STYLE}).
     */
    public Map<String, String> targetVariables() {
        Map<String, String> variables = new TreeMap<>();
        target.forEach((key, value) -> variables.put(TARGET_PREFIX + variableName(key), value));
        return variables;
    }

    /** Prefix of {@link #targetVariables()}. */
    public static final String TARGET_PREFIX = "RAFTOPS_TARGET_";

    private static String variableName(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[^A-Z0-9_]", "_");
    }

    /** What the backup Job keeps; applied by the Job, never by the controller. Null = no limit. */
    public record Retention(Integer maxCount, Duration maxAge) {

        public Retention {
            if (maxCount != null && maxCount < 1) {
                throw new IllegalArgumentException("spec.backup.retention.maxCount must be at least 1, was " + maxCount);
            }
        }

        public static Retention unlimited() {
            return new Retention(null, null);
        }
    }
}
