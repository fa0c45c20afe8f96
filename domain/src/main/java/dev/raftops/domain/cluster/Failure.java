package dev.raftops.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/** A recorded failure: a stable CamelCase reason, a message for a person, and when. */
public record Failure(String reason, String message, Instant at) {

    public Failure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
