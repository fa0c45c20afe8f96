package dev.raftops.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One observed executor Job that raftops created for this cluster.
 *
 * @param action the executor action label ({@code step-down}, {@code backup}, ...)
 * @param finishedAt null while running
 * @param message what the executor reported (its result's {@code message}, from the pod's
 *     termination message), else the Job's failure condition, or null
 * @param facts the facts of the executor's result ({@code objectKey}, {@code bytes}, {@code sha256}
 *     of a backup, ...), empty when it reported none
 */
public record JobView(String name, String action, JobResult result, Instant createdAt, Instant finishedAt, String message,
        java.util.Map<String, String> facts) {

    public JobView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        facts = facts == null ? java.util.Map.of() : java.util.Map.copyOf(facts);
    }

    /** A Job whose executor reported no facts. */
    public JobView(String name, String action, JobResult result, Instant createdAt, Instant finishedAt, String message) {
        this(name, action, result, createdAt, finishedAt, message, null);
    }
}
