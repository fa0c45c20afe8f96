package dev.raftops.executor.storage;

import java.time.Instant;
import java.util.Map;

/** An object in the bucket: key, size, when it was written, and its user metadata (may be empty from a listing). */
public record StoredObject(String key, long size, Instant lastModified, Map<String, String> metadata) {

    public StoredObject {
        metadata = Map.copyOf(metadata);
    }
}
