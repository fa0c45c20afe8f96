package dev.raftops.domain.resource;

import java.util.Map;
import java.util.Objects;

/**
 * {@code status.backup.lastObject}: where the last successful backup's snapshot is, as its Job's
 * executor reported it (the controller never moves or reads the bytes).
 *
 * @param size bytes, or null when the executor did not report it
 */
public record BackupObject(String key, Long size, String sha256) {

    public BackupObject {
        Objects.requireNonNull(key, "key");
    }

    /** From an executor result's facts ({@code objectKey}, {@code bytes}, {@code sha256}); null without a key. */
    public static BackupObject fromFacts(Map<String, String> facts) {
        String key = facts.get("objectKey");
        if (key == null || key.isBlank()) {
            return null;
        }
        Long size = null;
        try {
            size = facts.get("bytes") == null ? null : Long.valueOf(facts.get("bytes"));
        } catch (NumberFormatException e) {
            size = null;
        }
        return new BackupObject(key, size, facts.get("sha256"));
    }

    /** {@code key (N bytes, sha256 H)}, for Events. */
    public String describe() {
        return key + " (" + (size == null ? "size unknown" : size + " bytes") + ", sha256 "
                + (sha256 == null ? "unknown" : sha256) + ")";
    }
}
