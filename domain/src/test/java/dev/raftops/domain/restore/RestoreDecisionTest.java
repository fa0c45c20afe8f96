package dev.raftops.domain.restore;

import static dev.raftops.domain.restore.Restores.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RestoreRestart;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreDecisionTest {

    private static RestoreResult decide(RestoreStatus status, ClusterStatus cluster) {
        return RestoreDecision.decide(input(latest(), status, cluster, null));
    }

    @Test
    void aRestoreWaitsWithAConditionNamingTheHolderWhileAnUpgradeHoldsTheLock() {
        ClusterStatus upgrading = BACKED_UP.withOperationLock(heldBy(Operation.Upgrade, Holders.UPGRADE, 4));

        RestoreResult r = decide(RestoreStatus.initial(), upgrading);

        assertThat(r.status().phase()).isEqualTo(RestorePhase.Pending);
        assertThat(r.clusterStatus()).as("nothing written to the cluster").isNull();
        Condition locked = Condition.find(r.status().conditions(), RestoreConditions.LOCKED).orElseThrow();
        assertThat(locked.status()).isEqualTo(Condition.Status.False);
        assertThat(locked.message()).contains("Upgrade (raftcluster/upgrade, epoch 4)");
    }

    @Test
    void aRestoreTakesTheLockAsRestoreSlashItsNameWithTheNextEpoch() {
        ClusterStatus freed = BACKED_UP.withOperationLock(BACKED_UP.operationLock().acquire(Operation.Backup,
                Holders.BACKUP, "b", NOW).lock().release(Operation.Backup, Holders.BACKUP).lock());

        RestoreResult r = decide(RestoreStatus.initial(), freed);

        assertThat(r.clusterStatus().operationLock().isHeldBy(Operation.Restore, "restore/r1")).isTrue();
        assertThat(r.clusterStatus().operationLock().epoch()).isEqualTo(2);
        assertThat(r.status().phase()).isEqualTo(RestorePhase.Locked);
        assertThat(r.status().lockEpoch()).isEqualTo(2);
    }

    @Test
    void latestIsTheClustersRecordedBackupWithItsChecksum() {
        RestoreResult r = decide(RestoreStatus.initial(), BACKED_UP);

        assertThat(r.status().objectKey()).isEqualTo(KEY);
        assertThat(r.status().sha256()).isEqualTo(SHA);
    }

    @Test
    void aNamedKeyThatIsNotTheRecordedBackupIsCheckedAgainstTheObjectsOwnChecksum() {
        RestoreSpec other = new RestoreSpec("db", RestoreSource.ofKey("raftops/default/db/manual/older.snap"), false,
                true);

        RestoreResult r = RestoreDecision.decide(input(other, RestoreStatus.initial(), BACKED_UP, null));

        assertThat(r.status().objectKey()).isEqualTo("raftops/default/db/manual/older.snap");
        assertThat(r.status().sha256()).isNull();
    }

    @Test
    void theLockedRestoreCreatesTheExecutorsRestoreJobWithTheObjectItsChecksumAndTheTarget() {
        RestoreStatus locked = RestoreStatus.initial().locked(Holders.restore("r1"), 5, KEY, SHA, NOW);
        RestoreSpec forced = new RestoreSpec("db", RestoreSource.newest(), true, true);

        RestoreResult r = RestoreDecision.decide(input(forced, locked, BACKED_UP.withOperationLock(ours(5)), null));

        Action.CreateJob job = r.actions().stream().filter(Action.CreateJob.class::isInstance)
                .map(Action.CreateJob.class::cast).findFirst().orElseThrow();
        assertThat(job.job().parameters()).containsEntry(RestoreJob.OBJECT, KEY).containsEntry(RestoreJob.SHA256, SHA)
                .containsEntry(RestoreJob.FORCE, "true").containsEntry("RAFTOPS_TARGET_BUCKET", "snaps")
                .containsEntry("RAFTOPS_LOCK_EPOCH", "5");
        assertThat(job.job().image()).isEqualTo("executor:1");
        assertThat(r.status().phase()).isEqualTo(RestorePhase.Restoring);
    }

    @Test
    void aRefusedJobFailsTheRestoreReleasesTheLockAndRestartsNothing() {
        RestoreStatus restoring = at(RestorePhase.Restoring, 5);
        String refused = "object " + KEY + " has SHA-256 00, its metadata says " + SHA + "; not restoring";

        RestoreResult r = RestoreDecision.decide(input(latest(), restoring, BACKED_UP.withOperationLock(ours(5)),
                job(restoring, JobResult.FAILED, refused, Map.of())));

        assertThat(r.status().phase()).isEqualTo(RestorePhase.Failed);
        assertThat(r.status().failure().message()).contains("has SHA-256 00");
        assertThat(r.clusterStatus().operationLock().isHeld()).isFalse();
        assertThat(r.clusterStatus().upgrade()).isNull();
    }

    @Test
    void aSucceededJobRecordsTheRestoresRollUnderItsOwnLock() {
        RestoreStatus restoring = at(RestorePhase.Restoring, 5);

        RestoreResult r = RestoreDecision.decide(input(latest(), restoring, BACKED_UP.withOperationLock(ours(5)),
                job(restoring, JobResult.SUCCEEDED, "restored", Map.of("indexReached", "42"))));

        assertThat(r.status().phase()).isEqualTo(RestorePhase.RestartingMembers);
        assertThat(r.status().indexReached()).isEqualTo(42);
        assertThat(r.clusterStatus().operationLock().isHeldBy(Operation.Restore, "restore/r1")).isTrue();
        assertThat(r.clusterStatus().upgrade().restartAt()).isEqualTo("restore/r1@5");
        assertThat(r.clusterStatus().upgrade().currentPartition()).isEqualTo(3);
    }

    @Test
    void theRestoreCompletesAndReleasesTheLockOnceTheRollMarkedIt() {
        RestoreStatus restarting = at(RestorePhase.RestartingMembers, 5);
        ClusterStatus rolled = new RestoreRestart("restore/r1", 5, "2.4.0", "img")
                .finished(BACKED_UP.withOperationLock(ours(5)));

        RestoreResult r = decide(restarting, rolled);

        assertThat(r.status().phase()).isEqualTo(RestorePhase.Completed);
        assertThat(r.status().completedAt()).isEqualTo(NOW);
        assertThat(r.clusterStatus().operationLock().isHeld()).isFalse();
        assertThat(r.finalizer()).isFalse();
    }

    @Test
    void aRestoreWhoseLockWasForcedAwayFailsWithoutTouchingTheNewHolder() {
        RestoreStatus restoring = at(RestorePhase.Restoring, 5);
        ClusterStatus taken = BACKED_UP.withOperationLock(heldBy(Operation.Backup, Holders.BACKUP, 7));

        RestoreResult r = decide(restoring, taken);

        assertThat(r.status().phase()).isEqualTo(RestorePhase.Failed);
        assertThat(r.status().failure().reason()).isEqualTo(RestoreReasons.LOCK_LOST);
        assertThat(r.clusterStatus()).isNull();
    }

    @Test
    void aDeletedRestoreKeepsTheLockWhileItsJobRuns() {
        RestoreStatus restoring = at(RestorePhase.Restoring, 5);
        RestoreInput in = input(latest(), restoring, BACKED_UP.withOperationLock(ours(5)),
                job(restoring, JobResult.RUNNING, null, Map.of()));

        RestoreResult r = RestoreDecision.decide(new RestoreInput(in.name(), 1, in.spec(), in.status(), in.cluster(),
                in.job(), true, true, NOW, in.random(), in.timing()));

        assertThat(r.clusterStatus()).isNull();
        assertThat(r.finalizer()).isTrue();
    }

    @Test
    void aDeletedRestoreReleasesTheLockAndItsRollAndLetsTheFinalizerGo() {
        RestoreStatus restarting = at(RestorePhase.RestartingMembers, 5);
        ClusterStatus rolling = BACKED_UP.withOperationLock(ours(5))
                .withUpgrade(new RestoreRestart("restore/r1", 5, "2.4.0", "img").progress(NOW, 3));
        RestoreInput in = input(latest(), restarting, rolling, null);

        RestoreResult r = RestoreDecision.decide(new RestoreInput(in.name(), 1, in.spec(), in.status(), in.cluster(),
                in.job(), true, true, NOW, in.random(), in.timing()));

        assertThat(r.clusterStatus().operationLock().isHeld()).isFalse();
        assertThat(r.clusterStatus().upgrade()).isNull();
        assertThat(r.finalizer()).isFalse();
    }

    @Test
    void aSourceNamingNoSnapshotFailsAtOnceWithOneClearLine() {
        RestoreSpec none = new RestoreSpec("db", new RestoreSource(null, false, null, null), false, true);

        RestoreResult r = RestoreDecision.decide(input(none, RestoreStatus.initial(), BACKED_UP, null));

        assertThat(r.status().phase()).isEqualTo(RestorePhase.Failed);
        assertThat(r.status().failure().message()).isEqualTo(
                "spec.source names no snapshot: set spec.source.key or spec.source.latest: true");
        assertThat(r.clusterStatus()).isNull();
    }
}
