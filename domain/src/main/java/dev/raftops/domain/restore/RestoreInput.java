package dev.raftops.domain.restore;

import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.RetryTiming;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything one restore decision reads.
 *
 * @param name the {@code RaftRestore}'s name (its namespace is the cluster's)
 * @param cluster the named cluster, empty when it does not exist
 * @param job the restore's executor Job as observed, empty when none exists
 * @param finalizer whether the {@code RaftRestore} carries the finalizer that releases the lock on deletion
 * @param deleting whether the {@code RaftRestore} is being deleted
 */
public record RestoreInput(String name, long generation, RestoreSpec spec, RestoreStatus status,
        Optional<RestoredCluster> cluster, Optional<JobView> job, boolean finalizer, boolean deleting, Instant now,
        RandomGenerator random, RetryTiming timing) {

    public RestoreInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        status = status == null ? RestoreStatus.initial() : status;
        cluster = cluster == null ? Optional.empty() : cluster;
        job = job == null ? Optional.empty() : job;
        Objects.requireNonNull(now, "now");
        timing = timing == null ? RetryTiming.defaults() : timing;
    }

    /** The lock holder this restore is: {@code restore/<name>}. */
    public String holder() {
        return Holders.restore(name);
    }

    public RestoreInput withStatus(RestoreStatus value) {
        return new RestoreInput(name, generation, spec, value, cluster, job, finalizer, deleting, now, random, timing);
    }
}
