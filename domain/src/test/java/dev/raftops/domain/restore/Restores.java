package dev.raftops.domain.restore;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BackupObject;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.SteadyCluster;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** A cluster {@code default/db} on 2.4.0 backed up to bucket {@code snaps}, and restores of it. */
final class Restores {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    static final String KEY = "raftops/default/db/manual/2026-12-04T09-00-00Z.snap";
    static final String SHA = "ab".repeat(32);
    static final ClusterSpec SPEC = SteadyCluster.spec(3, "2.4.0").withBackup(new BackupSpec(null, null, null,
            Map.of("bucket", "snaps", "prefix", "raftops"), "executor:1", null));
    static final ClusterStatus BACKED_UP = ClusterStatus.initial().withCurrentVersion("2.4.0")
            .withBackup(ClusterStatus.initial().backup().succeeded("db-backup-1", NOW.minusSeconds(3600),
                    new BackupObject(KEY, 100L, SHA)));

    private Restores() {
    }

    static RestoreSpec latest() {
        return new RestoreSpec("db", RestoreSource.newest(), false, true);
    }

    static RestoredCluster cluster(ClusterStatus status) {
        return new RestoredCluster(SteadyCluster.KEY, SPEC, status);
    }

    static RestoreInput input(RestoreSpec spec, RestoreStatus status, ClusterStatus cluster, JobView job) {
        return new RestoreInput("r1", 1, spec, status, Optional.ofNullable(cluster).map(Restores::cluster),
                Optional.ofNullable(job), true, false, NOW, new Random(1), RetryTiming.defaults().withoutJitter());
    }

    static OperationLock heldBy(Operation op, String holder, long epoch) {
        return new OperationLock(op, holder, "busy", NOW, NOW, epoch);
    }

    static OperationLock ours(long epoch) {
        return heldBy(Operation.Restore, Holders.restore("r1"), epoch);
    }

    /** The restore status once it took the lock at {@code epoch}, in {@code phase}. */
    static RestoreStatus at(RestorePhase phase, long epoch) {
        RestoreStatus locked = RestoreStatus.initial().locked(Holders.restore("r1"), epoch, KEY, SHA, NOW);
        return locked.withJob(RestoreJob.name(cluster(BACKED_UP), "r1", epoch)).withPhase(phase);
    }

    static JobView job(RestoreStatus status, JobResult result, String message, Map<String, String> facts) {
        return new JobView(status.job(), "restore", result, NOW, result.finished() ? NOW : null, message, facts);
    }
}
