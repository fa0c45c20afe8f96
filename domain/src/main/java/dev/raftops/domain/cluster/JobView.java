package dev.raftops.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One observed executor Job that raftops created for this cluster.
 *
 * @param action the executor action label ({@code step-down}, {@code backup}, ...)
 * @param finishedAt null while running
 * @param message the Job's failure message, or null
 */
public record JobView(String name, String action, JobResult result, Instant createdAt, Instant finishedAt, String message) {

    public JobView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
    }
}
